using System;
using System.Runtime.CompilerServices;
using MyOS.Core.Arch.X64.Hardware;

namespace MyOS.Diagnostics.Benchmarks
{
    /// <summary>
    /// The cost of an exception: cycles (RDTSC) from `throw` to the start of the catch block,
    /// with the catch 1 or 10 frames above the throw, averaged over many rounds after a warm-up.
    /// Each round allocates the exception and records its stack trace, as a real throw does.
    /// </summary>
    public static class ExceptionBenchmark
    {
        private static readonly InvalidOperationException s_exception = new InvalidOperationException("bench");

        /// <summary>Average cycles per throw caught <paramref name="frames"/> frames up.</summary>
        public static ulong Measure(int frames, int rounds)
        {
            Round(frames);
            ulong start = Cpu.ReadTimestamp();
            for (int i = 0; i < rounds; i++)
                Round(frames);
            return (Cpu.ReadTimestamp() - start) / (ulong)rounds;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Round(int frames)
        {
            try
            {
                Descend(frames);
            }
            catch (InvalidOperationException)
            {
            }
        }

        /// <summary>Calls itself until <paramref name="frames"/> frames are on the stack, then throws.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Descend(int frames)
        {
            if (frames <= 1)
                throw s_exception;
            return Descend(frames - 1) + 1;
        }
    }
}
