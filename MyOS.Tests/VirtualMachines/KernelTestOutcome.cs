namespace MyOS.Tests.VirtualMachines
{
    /// <summary>How one in-kernel test ended in one boot.</summary>
    public enum KernelTestOutcome
    {
        /// <summary>The kernel printed "PASS name".</summary>
        Passed,

        /// <summary>The kernel printed "FAIL name: reason".</summary>
        Failed,

        /// <summary>
        /// The kernel printed no result for it: the run stopped before (time-out, panic, VM gone)
        /// or the kernel skipped it. Counts as a failure: a test that did not run proved nothing.
        /// </summary>
        NotRun,
    }
}
