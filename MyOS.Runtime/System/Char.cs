namespace System
{
    /// <summary>
    /// The primitive type for a UTF-16 code unit. The compiler knows its layout; it needs no
    /// fields. Character classes and case mapping cover ASCII and Latin-1 (U+0000 to U+00FF);
    /// other characters are left as they are.
    /// </summary>
    public readonly partial struct Char : IComparable<char>, IEquatable<char>
    {
        /// <summary>The smallest value.</summary>
        public const char MinValue = '\0';
        /// <summary>The largest value.</summary>
        public const char MaxValue = '\uffff';

        /// <summary>Negative, zero or positive by code unit.</summary>
        public int CompareTo(char value) => this - value;

        /// <summary>Whether the code units are equal.</summary>
        public bool Equals(char obj) => this == obj;

        /// <summary>Whether <paramref name="obj"/> is a boxed char with the same value.</summary>
        public override bool Equals(object obj) => obj is char other && this == other;

        /// <summary>A hash of the code unit.</summary>
        public override int GetHashCode() => this | (this << 16);

        /// <summary>A one-character string.</summary>
        public override string ToString() => new string(this, 1);

        /// <summary>Whether <paramref name="c"/> is '0' to '9'.</summary>
        public static bool IsDigit(char c) => c >= '0' && c <= '9';

        /// <summary>Whether <paramref name="c"/> is a Latin-1 letter.</summary>
        public static bool IsLetter(char c) => IsUpper(c) || IsLower(c);

        /// <summary>Whether <paramref name="c"/> is a letter or a digit.</summary>
        public static bool IsLetterOrDigit(char c) => IsLetter(c) || IsDigit(c);

        /// <summary>Whether <paramref name="c"/> is white space (space, tab, line breaks, NBSP).</summary>
        public static bool IsWhiteSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00A0' || c == '\u0085';

        /// <summary>Whether <paramref name="c"/> is an upper-case Latin-1 letter.</summary>
        public static bool IsUpper(char c) => (c >= 'A' && c <= 'Z') || (c >= '\u00C0' && c <= '\u00DE' && c != '\u00D7');

        /// <summary>Whether <paramref name="c"/> is a lower-case Latin-1 letter.</summary>
        public static bool IsLower(char c) => (c >= 'a' && c <= 'z') || (c >= '\u00DF' && c <= '\u00FF' && c != '\u00F7');

        /// <summary>The upper-case form of a Latin-1 letter; other characters unchanged.</summary>
        public static char ToUpper(char c) =>
            (c >= 'a' && c <= 'z') || (c >= '\u00E0' && c <= '\u00FE' && c != '\u00F7') ? (char)(c - 32) : c;

        /// <summary>The lower-case form of a Latin-1 letter; other characters unchanged.</summary>
        public static char ToLower(char c) =>
            (c >= 'A' && c <= 'Z') || (c >= '\u00C0' && c <= '\u00DE' && c != '\u00D7') ? (char)(c + 32) : c;
    }
}
