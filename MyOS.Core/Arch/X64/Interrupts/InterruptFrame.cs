using System.Runtime.InteropServices;

namespace MyOS.Core.Arch.X64.Interrupts
{
    /// <summary>
    /// The registers saved by the interrupt stubs (MyOS.Build/Native/interrupts.asm), lowest
    /// address first. The layout is a contract with the stubs: change both together.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct InterruptFrame
    {
        public ulong R15, R14, R13, R12, R11, R10, R9, R8;
        public ulong Rbp, Rdi, Rsi, Rdx, Rcx, Rbx, Rax;
        /// <summary>Interrupt vector: 0-31 CPU exceptions, 32-47 hardware IRQs.</summary>
        public ulong Vector;
        /// <summary>The CPU's error code, or 0 for vectors without one.</summary>
        public ulong ErrorCode;
        /// <summary>Where the interrupted code was; pushed by the CPU from here on.</summary>
        public ulong Rip, Cs, Rflags, Rsp, Ss;
    }
}
