using System.Globalization;

namespace System
{
    /// <summary>
    /// The primitive type for a signed 64-bit integer. The compiler knows its layout, so it declares no field:
    /// inside this struct `this` is already a long.
    /// </summary>
    public readonly partial struct Int64 : IComparable, IFormattable, IComparable<long>, IEquatable<long>
    {
        /// <summary>The smallest value.</summary>
        public const long MinValue = -9223372036854775808;
        /// <summary>The largest value.</summary>
        public const long MaxValue = 9223372036854775807;

        /// <summary>Negative, zero or positive as this value is below, equal to or above <paramref name="value"/>.</summary>
        public int CompareTo(long value) => this < value ? -1 : this > value ? 1 : 0;

        /// <summary>Compares with a boxed long; null sorts first. Another type is a kernel panic (ArgumentException).</summary>
        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is long other))
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentException();
            else
                return CompareTo(other);
            return 0;
        }

        /// <summary>Whether the values are equal.</summary>
        public bool Equals(long obj) => this == obj;

        /// <summary>Whether <paramref name="obj"/> is a boxed long with the same value.</summary>
        public override bool Equals(object obj) => obj is long other && this == other;

        /// <summary>A hash of the value.</summary>
        public override int GetHashCode() => (int)this ^ (int)(this >> 32);

        /// <summary>The value in decimal.</summary>
        public override string ToString() => Number.FormatSigned(this, 64, null);

        /// <summary>The value formatted by <paramref name="format"/>: "D", "D5", "X", "X8", "x", "N0", "N2" (invariant culture).</summary>
        public string ToString(string format) => Number.FormatSigned(this, 64, format);

        /// <summary>As <see cref="ToString(string)"/>; the provider is ignored (MyOS is invariant).</summary>
        public string ToString(string format, IFormatProvider provider) => Number.FormatSigned(this, 64, format);

        /// <summary>Parses decimal text with optional white space and sign; false on bad text or overflow.</summary>
        public static bool TryParse(string s, out long result) => TryParse(s, NumberStyles.Integer, null, out result);

        /// <summary>Parses text in the given style (<see cref="NumberStyles.HexNumber"/> for hex); false on bad text or overflow.</summary>
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out long result)
        {
            bool ok = Number.TryParseSigned(s, style, 64, out long parsed);
            result = ok ? (long)parsed : (long)0;
            return ok;
        }

        /// <summary>Parses decimal text; bad text or overflow is a kernel panic (FormatException or OverflowException).</summary>
        public static long Parse(string s)
        {
            if (!TryParse(s, out long result))
                Internal.Runtime.RuntimeFailure.Fail("FormatException", "The input string was not in a correct format or was out of range.");
            return result;
        }
    }
}
