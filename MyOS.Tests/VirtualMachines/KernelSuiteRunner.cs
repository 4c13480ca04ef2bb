using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// Runs the shell's `test` command on a VM at its prompt and follows its output line by line,
    /// so progress is reported as each kernel test ends and a test that hangs or panics is named.
    /// Each result line has its own time limit; a time-out, a panic or a closed connection ends the
    /// run with the error recorded (the tests after it are "not run"), never with an exception.
    /// </summary>
    public static class KernelSuiteRunner
    {
        /// <summary>The first line of a panic report (MyOS.Core's Panic).</summary>
        public const string PanicHeader = "*** KERNEL PANIC ***";

        /// <summary>The last line of every kernel panic report.</summary>
        public const string PanicEnd = "System halted.";

        private static readonly TimeSpan s_panicReportLimit = TimeSpan.FromSeconds(10);
        private static readonly TimeSpan s_promptLimit = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Sends `test` and collects the results of the
        /// <paramref name="listed"/> tests, waiting up to <paramref name="perTestLimit"/> for each
        /// next line; calls <paramref name="progress"/> for each result as it arrives.
        /// </summary>
        public static KernelSuiteResult Run(SerialConsole serial, IReadOnlyList<string> listed, TimeSpan perTestLimit,
            Action<KernelTestResult> progress = null)
        {
            var reported = new List<KernelTestResult>();
            int? summaryPassed = null, summaryFailed = null;
            string error = null;
            long start = Stopwatch.GetTimestamp(), previous = start;
            string running = NextTest(listed, reported);
            string awaited = Awaited(running);
            try
            {
                serial.SendLine("test");
                while (true)
                {
                    running = NextTest(listed, reported);
                    awaited = Awaited(running);
                    string line = serial.WaitForLine(candidate => KernelTestOutput.IsResultOrSummary(candidate) || candidate.Contains(PanicHeader),
                        $"the next line of `test` ({awaited})", perTestLimit);
                    if (line.Contains(PanicHeader))
                    {
                        error = running != null ? $"the kernel panicked while running {running}" : "the kernel panicked after the last test";
                        serial.WaitFor(PanicEnd, s_panicReportLimit); // so the transcript holds the whole report
                        break;
                    }
                    if (KernelTestOutput.TryParseSummary(line, out int passed, out int failed))
                    {
                        summaryPassed = passed;
                        summaryFailed = failed;
                        awaited = "the prompt after the summary";
                        serial.WaitForPrompt(s_promptLimit);
                        break;
                    }
                    KernelTestOutput.TryParseResult(line, out string name, out bool ok, out string reason);
                    long now = Stopwatch.GetTimestamp();
                    var result = new KernelTestResult(name, ok ? KernelTestOutcome.Passed : KernelTestOutcome.Failed, reason,
                        Stopwatch.GetElapsedTime(previous, now));
                    previous = now;
                    reported.Add(result);
                    progress?.Invoke(result);
                }
            }
            catch (SerialTimeoutException e)
            {
                error ??= $"no line within {perTestLimit.TotalSeconds:0.#} s while waiting for {awaited} ({FirstLines(e.Message)})";
            }
            catch (SerialClosedException e)
            {
                error ??= $"the serial connection closed while waiting for {awaited} ({FirstLines(e.Message)})";
            }
            return new KernelSuiteResult(listed, reported, summaryPassed, summaryFailed, error, Stopwatch.GetElapsedTime(start));
        }

        /// <summary>A serial exception's message up to its transcript, on one line (the transcript is shown separately).</summary>
        public static string FirstLines(string message)
        {
            int transcript = message.IndexOf("--- serial transcript", StringComparison.Ordinal);
            string head = transcript >= 0 ? message.Substring(0, transcript) : message;
            return string.Join(" ", head.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        // The test running now, assuming the kernel runs them in list order; null after the last.
        private static string NextTest(IReadOnlyList<string> listed, List<KernelTestResult> reported)
        {
            foreach (string name in listed)
            {
                if (!reported.Exists(result => result.Name == name))
                    return name;
            }

            return null;
        }

        private static string Awaited(string test) => test != null ? "the result of " + test : "the summary line";
    }
}
