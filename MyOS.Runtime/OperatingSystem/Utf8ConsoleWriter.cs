using MyOS.Core.Console;

namespace MyOS.Runtime.OperatingSystem
{
    /// <summary>
    /// Turns the UTF-8 bytes CoreLib's Console writes into characters for the kernel console.
    /// A character split across two writes is kept until its last byte arrives; a byte that
    /// cannot start or continue a character is written as U+FFFD (the console shows '?').
    /// </summary>
    internal static unsafe class Utf8ConsoleWriter
    {
        /// <summary>The character being assembled, and how many continuation bytes it still needs.</summary>
        private static int s_pending;
        private static int s_pendingBytes;

        internal static void Write(byte* bytes, int count)
        {
            for (int i = 0; i < count; i++)
            {
                byte b = bytes[i];
                if (s_pendingBytes > 0 && (b & 0xC0) == 0x80)
                {
                    s_pending = (s_pending << 6) | (b & 0x3F);
                    if (--s_pendingBytes == 0)
                        Emit(s_pending);
                    continue;
                }
                if (s_pendingBytes > 0)
                {
                    s_pendingBytes = 0;
                    Emit(0xFFFD);
                }
                if (b < 0x80)
                    Emit(b);
                else if ((b & 0xE0) == 0xC0)
                    Start(b & 0x1F, 1);
                else if ((b & 0xF0) == 0xE0)
                    Start(b & 0x0F, 2);
                else if ((b & 0xF8) == 0xF0)
                    Start(b & 0x07, 3);
                else
                    Emit(0xFFFD);
            }
        }

        private static void Start(int bits, int continuationBytes)
        {
            s_pending = bits;
            s_pendingBytes = continuationBytes;
        }

        private static void Emit(int codePoint) =>
            KernelConsole.Write(codePoint <= 0xFFFF ? (char)codePoint : '\uFFFD');
    }
}
