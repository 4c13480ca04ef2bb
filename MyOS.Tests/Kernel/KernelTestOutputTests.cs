using System;
using System.Linq;
using MyOS.Tests.VirtualMachines;
using Xunit;

namespace MyOS.Tests.Kernel
{
    /// <summary>The runner's reading of `test` and `test list` output and its verdicts, without a VM.</summary>
    public sealed class KernelTestOutputTests
    {
        private static readonly string[] s_listed = { "a.first", "b.second", "c.third" };

        [Fact]
        public void ResultLines_NameTheTest_AndAReasonMayHoldColons()
        {
            Assert.True(KernelTestOutput.TryParseResult("PASS pages.contiguous-runs", out string name, out bool passed, out string reason));
            Assert.Equal(("pages.contiguous-runs", true, (string)null), (name, passed, reason));

            Assert.True(KernelTestOutput.TryParseResult("FAIL heap.stress-100k: block 0x10: overlaps", out name, out passed, out reason));
            Assert.Equal(("heap.stress-100k", false, "block 0x10: overlaps"), (name, passed, reason));

            Assert.True(KernelTestOutput.TryParseResult("FAIL heap.x", out _, out passed, out reason));
            Assert.False(passed);
            Assert.False(string.IsNullOrEmpty(reason));

            Assert.False(KernelTestOutput.TryParseResult("PASSED everything", out _, out _, out _));
            Assert.False(KernelTestOutput.TryParseResult("> test", out _, out _, out _));
        }

        [Fact]
        public void SummaryLine_GivesBothCounts()
        {
            Assert.True(KernelTestOutput.TryParseSummary("4 passed, 1 failed", out int passed, out int failed));
            Assert.Equal((4, 1), (passed, failed));
            Assert.False(KernelTestOutput.TryParseSummary("4 passed", out _, out _));
        }

        [Fact]
        public void TestList_IsOneNamePerLine_WithoutRepeats()
        {
            Assert.Equal(s_listed, KernelTestOutput.ParseList(new[] { "a.first", "", "b.second ", "c.third" }));
            Assert.Throws<FormatException>(() => KernelTestOutput.ParseList(new[] { "a.first", "a.first" }));
            Assert.Throws<FormatException>(() => KernelTestOutput.ParseList(new[] { "error: unknown command" }));
        }

        [Fact]
        public void CompleteRun_PassesAndFailsByTheKernelsLines()
        {
            KernelSuiteResult run = Result(summary: (2, 1), error: null,
                Passed("a.first"), Failed("b.second", "wrong count"), Passed("c.third"));

            Assert.Equal(KernelTestOutcome.Passed, run.Get("a.first").Outcome);
            Assert.Equal(("wrong count", KernelTestOutcome.Failed), (run.Get("b.second").Reason, run.Get("b.second").Outcome));
            Assert.Equal(new[] { "b.second" }, run.Failures.Select(result => result.Name));
            Assert.Empty(run.Problems());
            Assert.False(run.Succeeded);
        }

        [Fact]
        public void StoppedRun_LeavesTheRestNotRun_WithTheReason()
        {
            KernelSuiteResult run = Result(summary: null, error: "no line within 60 s while waiting for the result of b.second", Passed("a.first"));

            KernelTestResult second = run.Get("b.second");
            Assert.Equal(KernelTestOutcome.NotRun, second.Outcome);
            Assert.Contains("waiting for the result of b.second", second.Reason);
            Assert.Equal(new[] { "b.second", "c.third" }, run.Failures.Select(result => result.Name));
            Assert.Contains(run.Problems(), problem => problem.Contains("stopped early"));
        }

        [Fact]
        public void InconsistentRun_IsAProblem_EvenWhenEveryTestPassed()
        {
            KernelSuiteResult wrongSummary = Result(summary: (2, 0), error: null, Passed("a.first"), Passed("b.second"), Passed("c.third"));
            KernelSuiteResult noSummary = Result(summary: null, error: null, Passed("a.first"), Passed("b.second"), Passed("c.third"));
            KernelSuiteResult unlisted = Result(summary: (4, 0), error: null,
                Passed("a.first"), Passed("b.second"), Passed("c.third"), Passed("d.unlisted"));

            Assert.Contains(wrongSummary.Problems(), problem => problem.Contains("summary says 2 passed"));
            Assert.Contains(noSummary.Problems(), problem => problem.Contains("N passed, M failed"));
            Assert.Contains(unlisted.Problems(), problem => problem.Contains("d.unlisted"));
            Assert.False(wrongSummary.Succeeded || noSummary.Succeeded || unlisted.Succeeded);
        }

        [Fact]
        public void FailedTestException_NamesTestVmReasonAndShowsTranscript()
        {
            var e = new KernelTestFailedException(Failed("b.second", "wrong count"), "QEMU, 32 MiB", "> test\nFAIL b.second: wrong count\n");

            Assert.StartsWith("Kernel test b.second failed in QEMU, 32 MiB: wrong count", e.Message);
            Assert.Contains("FAIL b.second: wrong count", e.Message);
        }

        private static KernelTestResult Passed(string name) => new KernelTestResult(name, KernelTestOutcome.Passed, null, TimeSpan.Zero);

        private static KernelTestResult Failed(string name, string reason) => new KernelTestResult(name, KernelTestOutcome.Failed, reason, TimeSpan.Zero);

        private static KernelSuiteResult Result((int Passed, int Failed)? summary, string error, params KernelTestResult[] reported) =>
            new KernelSuiteResult(s_listed, reported, summary?.Passed, summary?.Failed, error, TimeSpan.FromSeconds(1));
    }
}
