using System.Globalization;

namespace System
{
    /// <summary>
    /// Text to integer, invariant culture: optional white space, an optional sign (decimal only),
    /// then decimal digits, or hexadecimal digits (without "0x") when the style says so.
    /// Overflow makes TryParse fail, as in .NET.
    /// </summary>
    internal static partial class Number
    {
        /// <summary>
        /// Parses the magnitude and sign; false when the text is malformed or the magnitude does not
        /// fit in 64 bits. Hex text has no sign: it is the value's bit pattern.
        /// </summary>
        internal static bool TryParseMagnitude(string text, NumberStyles style, out ulong magnitude, out bool negative)
        {
            magnitude = 0;
            negative = false;
            if (text == null)
                return false;
            int i = 0, end = text.Length;
            if ((style & NumberStyles.AllowLeadingWhite) != 0)
                while (i < end && IsWhite(text[i]))
                    i++;
            if ((style & NumberStyles.AllowTrailingWhite) != 0)
                while (end > i && IsWhite(text[end - 1]))
                    end--;
            bool hex = (style & NumberStyles.AllowHexSpecifier) != 0;
            if (!hex && (style & NumberStyles.AllowLeadingSign) != 0 && i < end && (text[i] == '-' || text[i] == '+'))
            {
                negative = text[i] == '-';
                i++;
            }
            if (i == end)
                return false;
            for (; i < end; i++)
            {
                int digit = DigitValue(text[i]);
                if (digit < 0 || (!hex && digit > 9))
                    return false;
                if (hex)
                {
                    if ((magnitude >> 60) != 0)
                        return false;
                    magnitude = (magnitude << 4) | (uint)digit;
                }
                else
                {
                    // magnitude * 10 + digit must stay below 2^64.
                    if (magnitude > (ulong.MaxValue - (uint)digit) / 10)
                        return false;
                    magnitude = magnitude * 10 + (uint)digit;
                }
            }
            return true;
        }

        /// <summary>Parses a signed integer of <paramref name="bits"/> width; false on bad text or overflow.</summary>
        internal static bool TryParseSigned(string text, NumberStyles style, int bits, out long value)
        {
            value = 0;
            if (!TryParseMagnitude(text, style, out ulong magnitude, out bool negative))
                return false;
            ulong max = bits == 64 ? long.MaxValue : (1UL << (bits - 1)) - 1;
            if ((style & NumberStyles.AllowHexSpecifier) != 0)
            {
                // Hex is the two's complement bit pattern: "FFFFFFFF" is -1 for int.
                ulong unsignedMax = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
                if (magnitude > unsignedMax)
                    return false;
                value = magnitude > max ? (long)(magnitude | ~unsignedMax) : (long)magnitude;
                return true;
            }
            if (negative)
            {
                if (magnitude > max + 1)
                    return false;
                value = magnitude == max + 1 ? (bits == 64 ? long.MinValue : -(long)magnitude) : -(long)magnitude;
                return true;
            }
            if (magnitude > max)
                return false;
            value = (long)magnitude;
            return true;
        }

        /// <summary>Parses an unsigned integer no larger than <paramref name="max"/>; false on bad text, a minus sign or overflow.</summary>
        internal static bool TryParseUnsigned(string text, NumberStyles style, ulong max, out ulong value)
        {
            value = 0;
            if (!TryParseMagnitude(text, style, out ulong magnitude, out bool negative))
                return false;
            if (negative && magnitude != 0)
                return false;
            if (magnitude > max)
                return false;
            value = magnitude;
            return true;
        }

        private static bool IsWhite(char c) => c == ' ' || (c >= '\t' && c <= '\r');

        private static int DigitValue(char c)
        {
            if (c >= '0' && c <= '9')
                return c - '0';
            if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
            if (c >= 'A' && c <= 'F')
                return c - 'A' + 10;
            return -1;
        }
    }
}
