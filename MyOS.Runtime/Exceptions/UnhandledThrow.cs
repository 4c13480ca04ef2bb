using System;
using System.Runtime;
using MyOS.Core.Arch.X64.Interrupts;
using MyOS.Core.Diagnostics;

namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// The end of an exception nobody catches. CoreLib's dispatcher, finding no handler before
    /// the walk ends (at the boot stub, or above an interrupt handler), raises
    /// AppDomain.UnhandledException; MyOS's handler prints the panic report (type, message,
    /// inner exceptions, the CPU fault it came from, the stack trace) and halts. Also the
    /// runtime's last resorts CoreLib may call: fail fast, crash dumps, thread aborts.
    /// </summary>
    internal static unsafe class UnhandledThrow
    {
        // ExInfo (CoreLib 10.0.12): its kind byte; ExKind.HardwareFault in the low bits.
        private const int ExInfoKind = 0x18;
        private const byte KindMask = 3;
        private const byte KindHardwareFault = 2;

        /// <summary>Subscribes the report to AppDomain.UnhandledException.</summary>
        internal static void Install() => AppDomain.CurrentDomain.UnhandledException += OnUnhandled;

        private static void OnUnhandled(object sender, UnhandledExceptionEventArgs args)
        {
            Exception exception = args.ExceptionObject as Exception;
            if (exception == null)
                Panic.OnRuntimeError("UnhandledException", "an object that is not an exception was thrown");
            // The dispatch that found no handler is the newest; its kind says whether a CPU fault began it.
            byte* exInfo = ExceptionInfoChain.Newest;
            bool fromFault = exInfo != null && (exInfo[ExInfoKind] & KindMask) == KindHardwareFault;
            InterruptFrame fault = ManagedFaults.LastFault;
            Panic.OnUnhandledException(exception, fromFault ? &fault : null, ManagedFaults.LastFaultAddress);
        }

        /// <summary>CoreLib's last resort when even failing fast fails.</summary>
        [RuntimeExport("RhpFallbackFailFast")]
        private static void FallbackFailFast() => Panic.OnRuntimeError("FailFast", "the runtime failed fast (RhpFallbackFailFast)");

        /// <summary>The exception a thread abort raises: MyOS never aborts threads.</summary>
        [RuntimeExport("RhpGetThreadAbortException")]
        private static Exception ThreadAbortException() => null;

        /// <summary>Crash dumps: a kernel has no debugger to hand a dump to; the panic report is its dump.</summary>
        [RuntimeExport("RhGetCrashInfoBuffer")]
        private static byte* CrashInfoBuffer(int* maxSize)
        {
            *maxSize = 0;
            return null;
        }

        [RuntimeExport("RhCreateCrashDumpIfEnabled")]
        private static void CreateCrashDump(void* exceptionRecord, void* context)
        {
        }
    }
}
