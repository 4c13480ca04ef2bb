using System;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>One in-kernel test's result in one boot.</summary>
    /// <param name="Name">The kernel test's name, as `test list` prints it.</param>
    /// <param name="Outcome">Passed, failed, or not run.</param>
    /// <param name="Reason">Why it failed or did not run (the kernel's reason, or the runner's); null when it passed.</param>
    /// <param name="Elapsed">From the previous result line (or the `test` command) to this one; zero when not run.</param>
    public sealed record KernelTestResult(string Name, KernelTestOutcome Outcome, string Reason, TimeSpan Elapsed)
    {
        /// <summary>The result as one line: "PASS name", "FAIL name: reason" or "NOT RUN name: reason".</summary>
        public override string ToString() => Outcome switch
        {
            KernelTestOutcome.Passed => $"PASS {Name}",
            KernelTestOutcome.Failed => $"FAIL {Name}: {Reason}",
            _ => $"NOT RUN {Name}: {Reason}",
        };
    }
}
