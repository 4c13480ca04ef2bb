using System;
using System.Runtime;
using MyOS.Core.Diagnostics;

namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// Exception handling as it stands until the exceptions issue lands: a `throw` (from kernel
    /// code or from inside CoreLib) cannot be caught yet, so it stops the kernel with a panic
    /// report naming the exception and its message. The stack-walk, EH-clause and funclet calls
    /// of CoreLib's dispatcher are only reached from a dispatch, which never starts; each names
    /// itself if it is reached all the same.
    /// </summary>
    internal static unsafe class UnhandledThrow
    {
        [RuntimeExport("RhpThrowEx")]
        private static void Throw(Exception exception) => Report(exception, "");

        [RuntimeExport("RhpRethrow")]
        private static void Rethrow() => NotYet("RhpRethrow");

        /// <summary>CoreLib's last resort when even failing fast fails.</summary>
        [RuntimeExport("RhpFallbackFailFast")]
        private static void FallbackFailFast() => Panic.OnRuntimeError("FailFast", "the runtime failed fast (RhpFallbackFailFast)");

        [RuntimeExport("RhpSfiInit")]
        private static bool StackFrameIteratorInit(void* iterator, void* context, bool instructionFault, bool* intercepted) => NotYet("RhpSfiInit");

        [RuntimeExport("RhpSfiNext")]
        private static bool StackFrameIteratorNext(void* iterator, uint* collidedClause, bool* unwoundReversePInvoke, bool* intercepted) => NotYet("RhpSfiNext");

        [RuntimeExport("RhpEHEnumInitFromStackFrameIterator")]
        private static bool ClauseEnumInit(void* iterator, void* regionInfo, void* clauseEnum) => NotYet("RhpEHEnumInitFromStackFrameIterator");

        [RuntimeExport("RhpEHEnumNext")]
        private static bool ClauseEnumNext(void* clauseEnum, void* clause) => NotYet("RhpEHEnumNext");

        [RuntimeExport("RhpCallCatchFunclet")]
        private static void* CallCatchFunclet(object exception, byte* handler, void* registers, void* exInfo) => NotYetPointer("RhpCallCatchFunclet");

        [RuntimeExport("RhpCallFinallyFunclet")]
        private static void CallFinallyFunclet(byte* handler, void* registers) => NotYet("RhpCallFinallyFunclet");

        [RuntimeExport("RhpCallFilterFunclet")]
        private static bool CallFilterFunclet(object exception, byte* filter, void* registers) => NotYet("RhpCallFilterFunclet");

        /// <summary>The exception a thread abort raises: MyOS never aborts threads.</summary>
        [RuntimeExport("RhpGetThreadAbortException")]
        private static Exception ThreadAbortException() => null;

        /// <summary>Return addresses of the current stack for Exception.StackTrace: none until stack walking lands.</summary>
        [RuntimeExport("RhpGetCurrentThreadStackTrace")]
        private static int CurrentStackTrace(void** buffer, uint length, void* addressInCurrentFrame) => 0;

        [RuntimeExport("RhFindMethodStartAddress")]
        private static void* MethodStartAddress(void* code) => null;

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

        /// <summary>Stops the kernel with the exception's type and message (and the inner exception's).</summary>
        internal static void Report(Exception exception, string prefix)
        {
            if (exception == null)
                Panic.OnRuntimeError("NullReferenceException", "throw of a null exception");
            string message = exception.Message;
            if (exception.InnerException != null)
                message += " ---> " + exception.InnerException.GetType().Name + ": " + exception.InnerException.Message;
            Panic.OnRuntimeError(exception.GetType().Name,
                prefix + message + " (exceptions cannot be caught yet: every throw ends here)");
        }

        private static bool NotYet(string entry)
        {
            Panic.OnRuntimeError("NotSupportedException", entry + " is not implemented yet (exception dispatch)");
            return false;
        }

        private static void* NotYetPointer(string entry)
        {
            NotYet(entry);
            return null;
        }
    }
}
