using System;
using MyOS.Tests.VirtualMachines;

namespace MyOS.Tests.Kernel
{
    /// <summary>An in-kernel test failed or did not run; the message names it, the VM, the reason, and shows the transcript.</summary>
    public sealed class KernelTestFailedException : Exception
    {
        /// <summary>Builds the message from the verdict, the VM in words and its serial transcript.</summary>
        public KernelTestFailedException(KernelTestResult result, string vm, string transcript)
            : base($"Kernel test {result.Name} {(result.Outcome == KernelTestOutcome.Failed ? "failed" : "did not run")} in {vm}: {result.Reason}\n" +
                   $"--- serial transcript ({transcript.Length} characters) ---\n{transcript}\n--- end of transcript ---")
        {
            Result = result;
        }

        /// <summary>The verdict that failed the test case.</summary>
        public KernelTestResult Result { get; }
    }
}
