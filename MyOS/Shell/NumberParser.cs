using System.Globalization;

namespace MyOS.Shell
{
    /// <summary>
    /// Parses the numbers the shell accepts: decimal or 0x hex, and for sizes an optional
    /// K, M or G suffix (powers of 1024). No signs or spaces. Overflow past 64 bits is
    /// detected, never wrapped. The digits themselves are the runtime's ulong.TryParse.
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
            int shift = allowSuffix ? SuffixShift(text[text.Length - 1]) : 0;
            string number = shift == 0 ? text : text.Substring(0, text.Length - 1);
            bool hex = number.Length > 2 && number[0] == '0' && (number[1] == 'x' || number[1] == 'X');
            ulong parsed;
            if (!ulong.TryParse(hex ? number.Substring(2) : number,
                    hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, null, out parsed))
            {
                return false;
            }

            if (shift != 0 && parsed > (ulong.MaxValue >> shift))
                return false;
            value = parsed << shift;
            return true;
        }

        /// <summary>log2 of the multiplier a size suffix stands for; 0 for no suffix.</summary>
        private static int SuffixShift(char last) =>
            last == 'K' || last == 'k' ? 10 : last == 'M' || last == 'm' ? 20 : last == 'G' || last == 'g' ? 30 : 0;
    }
}
