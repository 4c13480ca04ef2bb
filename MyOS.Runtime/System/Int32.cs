using System.Globalization;

namespace System
{
    /// <summary>
    /// The primitive type for a signed 32-bit integer. The compiler knows its layout, so it declares no field:
    /// inside this struct `this` is already a int.
    /// </summary>
    public readonly partial struct Int32 : IComparable, IFormattable, IComparable<int>, IEquatable<int>
    {
        /// <summary>The smallest value.</summary>
        public const int MinValue = -2147483648;
        /// <summary>The largest value.</summary>
        public const int MaxValue = 2147483647;

        /// <summary>Negative, zero or positive as this value is below, equal to or above <paramref name="value"/>.</summary>
        public int CompareTo(int value) => this < value ? -1 : this > value ? 1 : 0;

        /// <summary>Compares with a boxed int; null sorts first. Another type is a kernel panic (ArgumentException).</summary>
        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is int other))
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentException();
            else
                return CompareTo(other);
            return 0;
        }

        /// <summary>Whether the values are equal.</summary>
        public bool Equals(int obj) => this == obj;

        /// <summary>Whether <paramref name="obj"/> is a boxed int with the same value.</summary>
        public override bool Equals(object obj) => obj is int other && this == other;

        /// <summary>A hash of the value.</summary>
        public override int GetHashCode() => (int)this;

        /// <summary>The value in decimal.</summary>
        public override string ToString() => Number.FormatSigned(this, 32, null);

        /// <summary>The value formatted by <paramref name="format"/>: "D", "D5", "X", "X8", "x", "N0", "N2" (invariant culture).</summary>
        public string ToString(string format) => Number.FormatSigned(this, 32, format);

        /// <summary>As <see cref="ToString(string)"/>; the provider is ignored (MyOS is invariant).</summary>
        public string ToString(string format, IFormatProvider provider) => Number.FormatSigned(this, 32, format);

        /// <summary>Parses decimal text with optional white space and sign; false on bad text or overflow.</summary>
        public static bool TryParse(string s, out int result) => TryParse(s, NumberStyles.Integer, null, out result);

        /// <summary>Parses text in the given style (<see cref="NumberStyles.HexNumber"/> for hex); false on bad text or overflow.</summary>
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out int result)
        {
            bool ok = Number.TryParseSigned(s, style, 32, out long parsed);
            result = ok ? (int)parsed : (int)0;
            return ok;
        }

        /// <summary>Parses decimal text; bad text or overflow is a kernel panic (FormatException or OverflowException).</summary>
        public static int Parse(string s)
        {
            if (!TryParse(s, out int result))
                Internal.Runtime.RuntimeFailure.Fail("FormatException", "The input string was not in a correct format or was out of range.");
            return result;
        }
    }
}
