namespace MyOS.Core.Text
{
    /// <summary>
    /// Formats integers into a caller's character buffer, allocating nothing, so that panic
    /// reports can print numbers even when the heap is broken.
    /// </summary>
    public static unsafe class NumberFormatter
    {
        /// <summary>Longest text any method here writes ("18446744073709551615" or "0x" + 16 digits).</summary>
        public const int MaxLength = 21;

        /// <summary>Writes <paramref name="value"/> in decimal; returns the number of characters.</summary>
        public static int FormatDecimal(ulong value, char* buffer)
        {
            char* digits = stackalloc char[MaxLength];
            int count = 0;
            do
            {
                digits[count++] = (char)('0' + (int)(value % 10));
                value /= 10;
            } while (value != 0);
            for (int i = 0; i < count; i++)
                buffer[i] = digits[count - 1 - i];
            return count;
        }

        /// <summary>Writes a signed <paramref name="value"/> in decimal; returns the number of characters.</summary>
        public static int FormatDecimal(long value, char* buffer)
        {
            if (value >= 0)
                return FormatDecimal((ulong)value, buffer);
            buffer[0] = '-';
            return 1 + FormatDecimal((ulong)(-(value + 1)) + 1, buffer + 1);
        }

        /// <summary>
        /// Writes "0x" and <paramref name="value"/> in upper-case hex, at least
        /// <paramref name="minDigits"/> digits (zero-padded); returns the number of characters.
        /// </summary>
        public static int FormatHex(ulong value, int minDigits, char* buffer)
        {
            int digits = 1;
            while (digits < 16 && (value >> (digits * 4)) != 0)
                digits++;
            if (digits < minDigits)
                digits = minDigits > 16 ? 16 : minDigits;
            buffer[0] = '0';
            buffer[1] = 'x';
            for (int i = 0; i < digits; i++)
            {
                int nibble = (int)(value >> ((digits - 1 - i) * 4)) & 0xF;
                buffer[2 + i] = (char)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
            }
            return 2 + digits;
        }
    }
}
