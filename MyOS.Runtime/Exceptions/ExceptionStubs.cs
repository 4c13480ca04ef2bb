using System.Runtime.InteropServices;

namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// The addresses the C# half of exception handling needs from the assembly half
    /// (Native/ExceptionHandling.asm): the return addresses of the stubs' calls, by which the
    /// stack walker knows their frames, the entry a CPU fault is redirected to, and the
    /// linker's sorted index of the unwind tables. The order is the stub's table's.
    /// </summary>
    internal static unsafe class ExceptionStubs
    {
        internal const int ThrowReturn = 0;
        internal const int RethrowReturn = 1;
        internal const int HardwareThrowReturn = 2;
        internal const int CatchReturn = 3;
        internal const int FinallyReturn = 4;
        internal const int FilterReturn = 5;
        internal const int HardwareThrowEntry = 6;
        internal const int UnwindIndex = 7;
        internal const int ExceptionInfoHead = 8;

        [DllImport("*", EntryPoint = "exception_stub_addresses"), SuppressGCTransition]
        internal static extern byte* Address(int which);

        /// <summary>Fills <paramref name="context"/> with the caller's registers at the call.</summary>
        [DllImport("*", EntryPoint = "exception_capture_context"), SuppressGCTransition]
        internal static extern void CaptureContext(ThrowContext* context);
    }
}
