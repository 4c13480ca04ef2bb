using System;
using System.Collections.Generic;
using System.Linq;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// What one `test` command in one boot showed, and the runner's verdict on each kernel test:
    /// a test passed only if the kernel printed "PASS name"; "FAIL name: reason" fails with the
    /// kernel's reason; no line at all (the run stopped early, or the kernel skipped the test)
    /// fails too, as not run, with the reason the run stopped.
    /// </summary>
    public sealed class KernelSuiteResult
    {
        private readonly List<KernelTestResult> _reported;

        /// <summary>Collects a run's lines; use <see cref="KernelSuiteRunner"/> rather than calling this directly.</summary>
        public KernelSuiteResult(IReadOnlyList<string> listed, IEnumerable<KernelTestResult> reported,
            int? summaryPassed, int? summaryFailed, string error, TimeSpan elapsed)
        {
            Listed = listed;
            _reported = reported.ToList();
            SummaryPassed = summaryPassed;
            SummaryFailed = summaryFailed;
            Error = error;
            Elapsed = elapsed;
        }

        /// <summary>The tests `test list` named in this boot, in the order they run.</summary>
        public IReadOnlyList<string> Listed { get; }

        /// <summary>The summary line's "N passed"; null if it never came.</summary>
        public int? SummaryPassed { get; }

        /// <summary>The summary line's "M failed"; null if it never came.</summary>
        public int? SummaryFailed { get; }

        /// <summary>Why the run stopped early (time-out, panic, VM gone), without the transcript; null if it completed.</summary>
        public string Error { get; }

        /// <summary>From sending `test` to its summary line (or to the error).</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>The verdict on <paramref name="name"/>: its own line, or "not run" with the reason.</summary>
        public KernelTestResult Get(string name)
        {
            KernelTestResult reported = _reported.FirstOrDefault(result => result.Name == name);
            if (reported != null)
                return reported;
            string reason = !Listed.Contains(name) ? "`test list` did not name it in this boot"
                : Error != null ? "the run stopped before it: " + Error
                : "the kernel printed no PASS or FAIL line for it";
            return new KernelTestResult(name, KernelTestOutcome.NotRun, reason, TimeSpan.Zero);
        }

        /// <summary>The verdicts on every listed test, in list order.</summary>
        public IEnumerable<KernelTestResult> All => Listed.Select(Get);

        /// <summary>The listed tests that did not pass (failed or not run).</summary>
        public IEnumerable<KernelTestResult> Failures => All.Where(result => result.Outcome != KernelTestOutcome.Passed);

        /// <summary>
        /// What is wrong with the run as a whole, apart from individual failures: a result line for
        /// a test not listed or reported twice, a missing summary, or a summary whose counts
        /// disagree with the lines. Empty when the run is consistent.
        /// </summary>
        public IReadOnlyList<string> Problems()
        {
            var problems = new List<string>();
            if (Error != null)
                problems.Add("the run stopped early: " + Error);
            foreach (KernelTestResult extra in _reported.Where(result => !Listed.Contains(result.Name)))
                problems.Add($"\"{extra}\" is for a test `test list` did not name");
            foreach (var repeated in _reported.GroupBy(result => result.Name).Where(group => group.Count() > 1))
                problems.Add($"{repeated.Key} has {repeated.Count()} result lines");
            foreach (KernelTestResult missing in All.Where(result => result.Outcome == KernelTestOutcome.NotRun))
                problems.Add($"no result for {missing.Name}");
            if (Error == null && SummaryPassed == null)
                problems.Add("no \"N passed, M failed\" line");
            int passed = _reported.Count(result => result.Outcome == KernelTestOutcome.Passed);
            int failed = _reported.Count - passed;
            if (SummaryPassed is int summaryPassed && (summaryPassed != passed || SummaryFailed != failed))
                problems.Add($"the summary says {summaryPassed} passed, {SummaryFailed} failed, but the lines show {passed} passed, {failed} failed");
            return problems;
        }

        /// <summary>True when the run completed, is consistent and every listed test passed.</summary>
        public bool Succeeded => Problems().Count == 0 && !Failures.Any();
    }
}
