using System.Runtime;
using MyOS.Core.Arch.X64.Hardware;

namespace MyOS.Runtime.Threading
{
    /// <summary>
    /// The one thread MyOS runs, as CoreLib asks about threads: its id, its thread-static
    /// storage, yielding and spinning. Interrupt handlers run on it too but never call CoreLib.
    /// </summary>
    internal static unsafe class KernelThread
    {
        /// <summary>CoreLib's thread statics of the one thread (ILC --noinlinetls: one array per module).</summary>
        private static object[][] s_threadStatics;

        [RuntimeExport("RhGetThreadStaticStorage")]
        private static ref object[][] ThreadStaticStorage() => ref s_threadStatics;

        [RuntimeExport("RhCurrentOSThreadId")]
        private static ulong CurrentThreadId() => 1;

        /// <summary>Called when a thread ends; the kernel's thread never does.</summary>
        [RuntimeExport("RhSetThreadExitCallback")]
        private static void SetThreadExitCallback(void* callback)
        {
        }

        /// <summary>Thread.Yield: no other thread is ready, so it returns false (0).</summary>
        [RuntimeExport("RhYield")]
        private static int Yield() => 0;

        [RuntimeExport("RhSpinWait")]
        private static void SpinWait(int iterations)
        {
            for (int i = 0; i < iterations; i++)
                Cpu.Pause();
        }

        [RuntimeExport("RhGetProcessCpuCount")]
        private static int ProcessorCount() => 1;
    }
}
