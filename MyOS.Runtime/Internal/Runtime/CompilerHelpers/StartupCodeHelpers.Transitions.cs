using System;
using System.Runtime;

namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>
    /// Transitions between managed and native code. NativeAOT uses them to tell a GC which
    /// threads run managed code; MyOS has one thread and no moving GC, so they do nothing.
    /// </summary>
    internal static unsafe partial class StartupCodeHelpers
    {
        [RuntimeExport("RhpReversePInvoke")]
        private static void RhpReversePInvoke(IntPtr frame) { }

        [RuntimeExport("RhpReversePInvokeReturn")]
        private static void RhpReversePInvokeReturn(IntPtr frame) { }

        [RuntimeExport("RhpPInvoke")]
        private static void RhpPInvoke(IntPtr frame) { }

        [RuntimeExport("RhpPInvokeReturn")]
        private static void RhpPInvokeReturn(IntPtr frame) { }

        /// <summary>Called in long loops when RhpTrapThreads is set, so a GC could suspend the thread; it never is.</summary>
        [RuntimeExport("RhpGcPoll")]
        private static void RhpGcPoll() { }

        [RuntimeExport("RhpFallbackFailFast")]
        private static void RhpFallbackFailFast() =>
            RuntimeFailure.Fail("ExecutionEngineException", "The runtime failed fast.");

        [RuntimeExport("RhpThrowEx")]
        private static void RhpThrowEx(Exception exception) =>
            RuntimeFailure.Fail(exception == null ? "NullReferenceException" : exception.Name, exception == null ? "throw null" : exception.Message);

        [RuntimeExport("RhpRethrow")]
        private static void RhpRethrow() =>
            RuntimeFailure.Fail("Exception", "rethrow is not supported.");
    }
}
