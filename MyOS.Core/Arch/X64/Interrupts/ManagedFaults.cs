using MyOS.Core.Arch.X64.Hardware;

namespace MyOS.Core.Arch.X64.Interrupts
{
    /// <summary>
    /// Where CPU faults may become .NET exceptions. The runtime registers a converter that
    /// redirects a fault in managed code to its throw path (by editing the saved frame, so the
    /// interrupt returns into the throw); this class decides when that is allowed at all:
    /// never inside an interrupt handler, never on a stack too close to its end for a dispatch
    /// to run. The last converted fault is kept, so a report of the exception it became can
    /// name the fault too. Invariant: <see cref="s_handlerDepth"/> counts the IRQ handlers running.
    /// </summary>
    public static unsafe class ManagedFaults
    {
        /// <summary>Stack a dispatch needs below the faulting frame (the walk, the dispatcher, a stack trace).</summary>
        private const ulong DispatchStackReserve = 32 * 1024;

        /// <summary>The runtime's converter: true if it redirected the frame to a throw.</summary>
        private static delegate*<InterruptFrame*, bool> s_converter;
        /// <summary>IRQ handlers running (a fault while one runs is the handler's and panics).</summary>
        internal static int s_handlerDepth;

        /// <summary>The fault last made into an exception.</summary>
        public static InterruptFrame LastFault;
        /// <summary>CR2 at <see cref="LastFault"/> (the address a page fault touched).</summary>
        public static ulong LastFaultAddress;

        /// <summary>Registers the runtime's converter (once, at start-up).</summary>
        public static void SetConverter(delegate*<InterruptFrame*, bool> converter) => s_converter = converter;

        /// <summary>Asks the converter to make a CPU exception a throw; false means panic.</summary>
        internal static bool TryConvert(InterruptFrame* frame)
        {
            if (s_converter == null || s_handlerDepth != 0)
                return false;
            Cpu.GetStackBounds(out ulong bottom, out ulong top);
            if (frame->Rsp < bottom + DispatchStackReserve || frame->Rsp > top)
                return false;
            InterruptFrame original = *frame;
            ulong faultAddress = Cpu.ReadCr2();
            if (!s_converter(frame))
                return false;
            LastFault = original;
            LastFaultAddress = faultAddress;
            return true;
        }
    }
}
