namespace System
{
    /// <summary>
    /// Integer to text, invariant culture. Supported format strings: null/"" and "G" (decimal),
    /// "D[n]" (decimal, at least n digits), "X[n]"/"x[n]" (hex, at least n digits; negative values
    /// print their two's complement at the type's width), "N[n]" (thousands separators ',' and n
    /// decimals, default 2). Anything else formats as decimal.
    /// </summary>
    internal static unsafe partial class Number
    {
        /// <summary>Formats a signed value whose type is <paramref name="bits"/> wide.</summary>
        internal static string FormatSigned(long value, int bits, string format)
        {
            if (value < 0 && IsHex(format))
            {
                ulong mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
                return Format((ulong)value & mask, false, format);
            }
            ulong magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
            return Format(magnitude, value < 0, format);
        }

        /// <summary>Formats an unsigned value.</summary>
        internal static string FormatUnsigned(ulong value, string format) => Format(value, false, format);

        private static bool IsHex(string format) =>
            format != null && format.Length > 0 && (format[0] == 'X' || format[0] == 'x');

        private static string Format(ulong magnitude, bool negative, string format)
        {
            char kind = 'D';
            int precision = -1;
            if (format != null && format.Length > 0)
            {
                kind = format[0];
                if (format.Length > 1)
                {
                    precision = 0;
                    for (int i = 1; i < format.Length && precision < 100; i++)
                    {
                        char c = format[i];
                        if (c < '0' || c > '9')
                            RuntimeFailure("FormatException", "Format specifier was invalid.");
                        precision = precision * 10 + (c - '0');
                    }
                }
            }
            // 64 digits, 21 separators, 100 decimals, a sign, '.': 200 chars is plenty.
            char* buffer = stackalloc char[200];
            char* end = buffer + 200;
            char* p = end;
            switch (kind)
            {
                case 'X':
                case 'x':
                {
                    char letter = kind == 'X' ? 'A' : 'a';
                    do
                    {
                        int digit = (int)(magnitude & 0xF);
                        *--p = (char)(digit < 10 ? '0' + digit : letter + digit - 10);
                        magnitude >>= 4;
                    } while (magnitude != 0);
                    while (end - p < precision)
                        *--p = '0';
                    return new string(p, 0, (int)(end - p));
                }
                case 'N':
                case 'n':
                {
                    int decimals = precision < 0 ? 2 : precision;
                    for (int i = 0; i < decimals; i++)
                        *--p = '0';
                    if (decimals > 0)
                        *--p = '.';
                    int count = 0;
                    do
                    {
                        if (count > 0 && count % 3 == 0)
                            *--p = ',';
                        *--p = (char)('0' + (int)(magnitude % 10));
                        magnitude /= 10;
                        count++;
                    } while (magnitude != 0);
                    break;
                }
                default:
                {
                    char* digitsEnd = p;
                    do
                    {
                        *--p = (char)('0' + (int)(magnitude % 10));
                        magnitude /= 10;
                    } while (magnitude != 0);
                    if (kind == 'D' || kind == 'd')
                        while (digitsEnd - p < precision)
                            *--p = '0';
                    break;
                }
            }
            if (negative)
                *--p = '-';
            return new string(p, 0, (int)(end - p));
        }

        private static void RuntimeFailure(string name, string message) => Internal.Runtime.RuntimeFailure.Fail(name, message);
    }
}
