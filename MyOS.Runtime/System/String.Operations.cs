namespace System
{
    /// <summary>Comparing and searching strings. All comparisons are ordinal (by UTF-16 code unit).</summary>
    public sealed unsafe partial class String
    {
        /// <summary>Whether the two strings have the same characters (null equals only null).</summary>
        public static bool Equals(string a, string b)
        {
            if ((object)a == (object)b)
                return true;
            if ((object)a == null || (object)b == null || a._stringLength != b._stringLength)
                return false;
            return MatchesAt(a, 0, b);
        }

        /// <summary>Same characters.</summary>
        public static bool operator ==(string a, string b) => Equals(a, b);

        /// <summary>Different characters.</summary>
        public static bool operator !=(string a, string b) => !Equals(a, b);

        /// <summary>Whether <paramref name="obj"/> is a string with the same characters.</summary>
        public override bool Equals(object obj) => obj is string other && Equals(this, other);

        /// <summary>Whether <paramref name="value"/> has the same characters.</summary>
        public bool Equals(string value) => Equals(this, value);

        /// <summary>A hash of the characters (FNV-1a).</summary>
        public override int GetHashCode()
        {
            uint hash = 2166136261;
            fixed (char* chars = &_firstChar)
                for (int i = 0; i < _stringLength; i++)
                    hash = (hash ^ chars[i]) * 16777619;
            return (int)hash;
        }

        /// <summary>The string itself.</summary>
        public override string ToString() => this;

        /// <summary>Ordinal order: negative, zero or positive; null sorts first.</summary>
        public static int CompareOrdinal(string a, string b)
        {
            if ((object)a == (object)b)
                return 0;
            if ((object)a == null)
                return -1;
            if ((object)b == null)
                return 1;
            int common = a._stringLength < b._stringLength ? a._stringLength : b._stringLength;
            fixed (char* x = &a._firstChar, y = &b._firstChar)
                for (int i = 0; i < common; i++)
                    if (x[i] != y[i])
                        return x[i] - y[i];
            return a._stringLength - b._stringLength;
        }

        /// <summary>Ordinal order (MyOS has no culture-aware collation).</summary>
        public static int Compare(string a, string b) => CompareOrdinal(a, b);

        /// <summary>Ordinal order against <paramref name="value"/>.</summary>
        public int CompareTo(string value) => CompareOrdinal(this, value);

        /// <summary>Whether the string is null or has no characters.</summary>
        public static bool IsNullOrEmpty(string value) => (object)value == null || value._stringLength == 0;

        /// <summary>Whether the string is null, empty or only white space.</summary>
        public static bool IsNullOrWhiteSpace(string value)
        {
            if ((object)value == null)
                return true;
            for (int i = 0; i < value._stringLength; i++)
                if (!char.IsWhiteSpace(value[i]))
                    return false;
            return true;
        }

        /// <summary>Whether <paramref name="value"/> occurs at <paramref name="index"/> (which must leave room for it).</summary>
        private static bool MatchesAt(string text, int index, string value)
        {
            fixed (char* x = &text._firstChar, y = &value._firstChar)
                for (int i = 0; i < value._stringLength; i++)
                    if (x[index + i] != y[i])
                        return false;
            return true;
        }

        /// <summary>Whether the string starts with <paramref name="value"/>.</summary>
        public bool StartsWith(string value)
        {
            if ((object)value == null)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentNullException();
            return value._stringLength <= _stringLength && MatchesAt(this, 0, value);
        }

        /// <summary>Whether the string starts with <paramref name="value"/>.</summary>
        public bool StartsWith(char value) => _stringLength > 0 && _firstChar == value;

        /// <summary>Whether the string ends with <paramref name="value"/>.</summary>
        public bool EndsWith(string value)
        {
            if ((object)value == null)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentNullException();
            return value._stringLength <= _stringLength && MatchesAt(this, _stringLength - value._stringLength, value);
        }

        /// <summary>Whether the string ends with <paramref name="value"/>.</summary>
        public bool EndsWith(char value) => _stringLength > 0 && this[_stringLength - 1] == value;

        /// <summary>Whether <paramref name="value"/> occurs in the string.</summary>
        public bool Contains(string value) => IndexOf(value) >= 0;

        /// <summary>Whether <paramref name="value"/> occurs in the string.</summary>
        public bool Contains(char value) => IndexOf(value) >= 0;

        /// <summary>Index of the first <paramref name="value"/>, or -1.</summary>
        public int IndexOf(char value) => IndexOf(value, 0);

        /// <summary>Index of the first <paramref name="value"/> at or after <paramref name="startIndex"/>, or -1.</summary>
        public int IndexOf(char value, int startIndex)
        {
            if ((uint)startIndex > (uint)_stringLength)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            fixed (char* chars = &_firstChar)
                for (int i = startIndex; i < _stringLength; i++)
                    if (chars[i] == value)
                        return i;
            return -1;
        }

        /// <summary>Index of the first occurrence of <paramref name="value"/>, or -1 (0 for the empty string).</summary>
        public int IndexOf(string value) => IndexOf(value, 0);

        /// <summary>Index of the first occurrence of <paramref name="value"/> at or after <paramref name="startIndex"/>, or -1.</summary>
        public int IndexOf(string value, int startIndex)
        {
            if ((object)value == null)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentNullException();
            if ((uint)startIndex > (uint)_stringLength)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            for (int i = startIndex; i <= _stringLength - value._stringLength; i++)
                if (MatchesAt(this, i, value))
                    return i;
            return -1;
        }

        /// <summary>Index of the last <paramref name="value"/>, or -1.</summary>
        public int LastIndexOf(char value)
        {
            fixed (char* chars = &_firstChar)
                for (int i = _stringLength - 1; i >= 0; i--)
                    if (chars[i] == value)
                        return i;
            return -1;
        }

        /// <summary>Index of the last occurrence of <paramref name="value"/>, or -1.</summary>
        public int LastIndexOf(string value)
        {
            if ((object)value == null)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentNullException();
            for (int i = _stringLength - value._stringLength; i >= 0; i--)
                if (MatchesAt(this, i, value))
                    return i;
            return -1;
        }

        /// <summary>Index of the first character that is one of <paramref name="anyOf"/>, or -1.</summary>
        public int IndexOfAny(char[] anyOf)
        {
            for (int i = 0; i < _stringLength; i++)
                for (int j = 0; j < anyOf.Length; j++)
                    if (this[i] == anyOf[j])
                        return i;
            return -1;
        }
    }
}
