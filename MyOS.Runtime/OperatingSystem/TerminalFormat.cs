using System.Runtime;

namespace MyOS.Runtime.OperatingSystem
{
    /// <summary>
    /// snprintf with one argument, which CoreLib's terminal code uses to fill terminfo strings
    /// (for example a cursor-move sequence with a number in it). Supports the conversions such
    /// strings use: %d and %i for the number, %s for the text, %% for a percent sign.
    /// Returns the length of the full result, as snprintf does, writing at most size - 1 bytes.
    /// </summary>
    internal static unsafe class TerminalFormat
    {
        [RuntimeExport("SystemNative_SNPrintF_1I")]
        private static int FormatInteger(byte* buffer, int size, byte* format, int value) => Format(buffer, size, format, value, null);

        [RuntimeExport("SystemNative_SNPrintF_1S")]
        private static int FormatString(byte* buffer, int size, byte* format, byte* value) => Format(buffer, size, format, 0, value);

        private static int Format(byte* buffer, int size, byte* format, int number, byte* text)
        {
            int length = 0;
            for (byte* f = format; *f != 0; f++)
            {
                if (*f != '%' || f[1] == 0)
                {
                    Put(buffer, size, ref length, *f);
                    continue;
                }
                f++;
                if (*f == 'd' || *f == 'i')
                {
                    PutNumber(buffer, size, ref length, number);
                }
                else if (*f == 's' && text != null)
                {
                    for (byte* t = text; *t != 0; t++)
                        Put(buffer, size, ref length, *t);
                }
                else
                {
                    Put(buffer, size, ref length, *f);   // %% and anything unknown: the character itself
                }
            }
            if (size > 0)
                buffer[length < size ? length : size - 1] = 0;
            return length;
        }

        private static void PutNumber(byte* buffer, int size, ref int length, int number)
        {
            if (number < 0)
                Put(buffer, size, ref length, (byte)'-');
            uint magnitude = number < 0 ? (uint)-(long)number : (uint)number;
            byte* digits = stackalloc byte[10];
            int count = 0;
            do
            {
                digits[count++] = (byte)('0' + magnitude % 10);
                magnitude /= 10;
            } while (magnitude != 0);
            while (count > 0)
                Put(buffer, size, ref length, digits[--count]);
        }

        private static void Put(byte* buffer, int size, ref int length, byte b)
        {
            if (length < size - 1)
                buffer[length] = b;
            length++;
        }
    }
}
