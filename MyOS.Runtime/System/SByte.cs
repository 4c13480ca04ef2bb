using System.Globalization;

namespace System
{
    /// <summary>
    /// The primitive type for a signed 8-bit integer. The compiler knows its layout, so it declares no field:
    /// inside this struct `this` is already a sbyte.
    /// </summary>
    public readonly partial struct SByte : IComparable, IFormattable, IComparable<sbyte>, IEquatable<sbyte>
    {
        /// <summary>The smallest value.</summary>
        public const sbyte MinValue = -128;
        /// <summary>The largest value.</summary>
        public const sbyte MaxValue = 127;

        /// <summary>Negative, zero or positive as this value is below, equal to or above <paramref name="value"/>.</summary>
        public int CompareTo(sbyte value) => this < value ? -1 : this > value ? 1 : 0;

        /// <summary>Compares with a boxed sbyte; null sorts first. Another type is a kernel panic (ArgumentException).</summary>
        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is sbyte other))
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentException();
            else
                return CompareTo(other);
            return 0;
        }

        /// <summary>Whether the values are equal.</summary>
        public bool Equals(sbyte obj) => this == obj;

        /// <summary>Whether <paramref name="obj"/> is a boxed sbyte with the same value.</summary>
        public override bool Equals(object obj) => obj is sbyte other && this == other;

        /// <summary>A hash of the value.</summary>
        public override int GetHashCode() => (int)this;

        /// <summary>The value in decimal.</summary>
        public override string ToString() => Number.FormatSigned(this, 8, null);

        /// <summary>The value formatted by <paramref name="format"/>: "D", "D5", "X", "X8", "x", "N0", "N2" (invariant culture).</summary>
        public string ToString(string format) => Number.FormatSigned(this, 8, format);

        /// <summary>As <see cref="ToString(string)"/>; the provider is ignored (MyOS is invariant).</summary>
        public string ToString(string format, IFormatProvider provider) => Number.FormatSigned(this, 8, format);

        /// <summary>Parses decimal text with optional white space and sign; false on bad text or overflow.</summary>
        public static bool TryParse(string s, out sbyte result) => TryParse(s, NumberStyles.Integer, null, out result);

        /// <summary>Parses text in the given style (<see cref="NumberStyles.HexNumber"/> for hex); false on bad text or overflow.</summary>
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out sbyte result)
        {
            bool ok = Number.TryParseSigned(s, style, 8, out long parsed);
            result = ok ? (sbyte)parsed : (sbyte)0;
            return ok;
        }

        /// <summary>Parses decimal text; bad text or overflow is a kernel panic (FormatException or OverflowException).</summary>
        public static sbyte Parse(string s)
        {
            if (!TryParse(s, out sbyte result))
                Internal.Runtime.RuntimeFailure.Fail("FormatException", "The input string was not in a correct format or was out of range.");
            return result;
        }
    }
}
