using System.Runtime;
using MyOS.Core.Hardware;

namespace MyOS.Runtime.OperatingSystem
{
    /// <summary>
    /// Random bytes for hash-code seeds and System.Random: a xorshift64* generator seeded from
    /// the time-stamp counter on first use. Not for cryptography.
    /// </summary>
    internal static unsafe class RandomBytes
    {
        private static ulong s_state;

        [RuntimeExport("SystemNative_GetNonCryptographicallySecureRandomBytes")]
        private static void Fill(byte* buffer, int length)
        {
            if (s_state == 0)
                s_state = Cpu.ReadTimestamp() | 1;
            for (int i = 0; i < length; i++)
            {
                s_state ^= s_state >> 12;
                s_state ^= s_state << 25;
                s_state ^= s_state >> 27;
                buffer[i] = (byte)((s_state * 0x2545F4914F6CDD1DUL) >> 56);
            }
        }
    }
}
