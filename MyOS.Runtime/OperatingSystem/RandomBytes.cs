using System.Runtime;
using MyOS.Core.Arch.X64.Hardware;

namespace MyOS.Runtime.OperatingSystem
{
    /// <summary>
    /// Random bytes for hash-code seeds and System.Random: the CPU's RDRAND where it has one,
    /// else (or when RDRAND gives nothing) a xorshift64* generator seeded from the time-stamp
    /// counter on first use. Not for cryptography either way: nothing here is audited for it.
    /// </summary>
    internal static unsafe class RandomBytes
    {
        /// <summary>0: not asked yet, 1: RDRAND present, 2: absent.</summary>
        private static int s_hardware;
        private static ulong s_state;

        [RuntimeExport("SystemNative_GetNonCryptographicallySecureRandomBytes")]
        private static void Fill(byte* buffer, int length)
        {
            if (s_hardware == 0)
                s_hardware = Cpu.HasRandomNumbers ? 1 : 2;
            for (int i = 0; i < length; i += 8)
            {
                ulong word = s_hardware == 1 && Cpu.TryReadRandom(out ulong hardware) ? hardware : NextSoftware();
                for (int b = 0; b < 8 && i + b < length; b++)
                    buffer[i + b] = (byte)(word >> (8 * b));
            }
        }

        private static ulong NextSoftware()
        {
            if (s_state == 0)
                s_state = Cpu.ReadTimestamp() | 1;
            s_state ^= s_state >> 12;
            s_state ^= s_state << 25;
            s_state ^= s_state >> 27;
            return s_state * 0x2545F4914F6CDD1DUL;
        }
    }
}
