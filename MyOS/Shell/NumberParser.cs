namespace MyOS.Shell
{
    /// <summary>
    /// Parses the numbers the shell accepts: decimal or 0x hex, and for sizes an optional
    /// K, M or G suffix (powers of 1024). Overflow past 64 bits is detected, never wrapped.
    /// </summary>
    public static class NumberParser
    {
        /// <summary>Parses decimal or 0x hex; false on anything else or on overflow.</summary>
        public static bool TryParse(string text, out ulong value) => TryParse(text, false, out value);

        /// <summary>Parses a size: a number with an optional K/M/G suffix.</summary>
        public static bool TryParseSize(string text, out ulong value) => TryParse(text, true, out value);

        private static bool TryParse(string text, bool allowSuffix, out ulong value)
        {
            value = 0;
            if (text == null || text.Length == 0)
                return false;
            int end = text.Length;
            int shift = 0;
            if (allowSuffix)
            {
                char last = text[end - 1];
                shift = last == 'K' || last == 'k' ? 10 : last == 'M' || last == 'm' ? 20 : last == 'G' || last == 'g' ? 30 : 0;
                if (shift != 0)
                    end--;
            }
            bool hex = end > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
            int start = hex ? 2 : 0;
            if (start == end)
                return false;
            ulong result = 0;
            for (int i = start; i < end; i++)
            {
                int digit = DigitValue(text[i]);
                if (digit < 0 || (!hex && digit > 9))
                    return false;
                ulong radix = hex ? 16UL : 10UL;
                if (result > (ulong.MaxValue - (ulong)digit) / radix)
                    return false;
                result = result * radix + (ulong)digit;
            }
            if (shift != 0 && result > (ulong.MaxValue >> shift))
                return false;
            value = result << shift;
            return true;
        }

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
