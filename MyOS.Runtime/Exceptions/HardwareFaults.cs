using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Arch.X64.Interrupts;

namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// CPU faults in managed code made into .NET exceptions, as NativeAOT does on Linux with
    /// signals: a page fault below 64 KiB -> NullReferenceException, #DE ->
    /// DivideByZeroException, #OF -> OverflowException. The interrupt frame is edited so that
    /// the interrupt returns into RhpThrowHwEx with the faulting registers, which calls CoreLib's
    /// RhThrowHwEx. Anything else stays a panic: other vectors and addresses, code ILC did not
    /// compile (assembly, C libraries), a fault while the runtime walks the stack, and (checked by
    /// <see cref="ManagedFaults"/>) faults inside interrupt handlers or on an exhausted stack.
    /// </summary>
    internal static unsafe class HardwareFaults
    {
        private const ulong DivideError = 0;
        private const ulong Overflow = 4;
        private const ulong PageFault = 14;
        /// <summary>Faults below this address are null dereferences (NativeAOT's limit).</summary>
        private const ulong NullAreaEnd = 0x10000;

        // NativeAOT's hardware exception codes (CoreLib's EH.HwExceptionCode).
        private const ulong NullReferenceCode = 0x00000000;
        private const ulong IntegerDivideByZeroCode = 0xC0000094;
        private const ulong IntegerOverflowCode = 0xC0000095;

        internal static void Install() => ManagedFaults.SetConverter(&TryConvert);

        private static bool TryConvert(InterruptFrame* frame)
        {
            ulong code;
            if (frame->Vector == DivideError)
                code = IntegerDivideByZeroCode;
            else if (frame->Vector == Overflow)
                code = IntegerOverflowCode;
            else if (frame->Vector == PageFault && Cpu.ReadCr2() < NullAreaEnd)
                code = NullReferenceCode;
            else
                return false;
            if (StackFrameWalker.s_activeWalks != 0 || !ManagedMethod.TryFind(frame->Rip, out _, out _))
                return false;
            frame->Rdi = code;
            frame->Rsi = frame->Rip;
            frame->Rip = (ulong)ExceptionStubs.Address(ExceptionStubs.HardwareThrowEntry);
            return true;
        }
    }
}
