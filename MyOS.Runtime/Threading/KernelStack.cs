using System.Runtime;
using MyOS.Core.Arch.X64.Hardware;

namespace MyOS.Runtime.Threading
{
    /// <summary>The one thread's stack, as CoreLib asks about it (stack-overflow checks, EnsureSufficientExecutionStack).</summary>
    internal static unsafe class KernelStack
    {
        [RuntimeExport("RhGetCurrentThreadStackBounds")]
        private static void Bounds(void** low, void** high)
        {
            Cpu.GetStackBounds(out ulong bottom, out ulong top);
            *low = (void*)bottom;
            *high = (void*)top;
        }
    }
}
