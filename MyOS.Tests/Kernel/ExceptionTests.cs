using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// Exception handling seen from outside (issue 14): an unhandled exception's panic report
    /// names the methods it passed through, innermost first; a shell command that throws (the
    /// `throw` command of the boot option test=shell-throw) prints one `error:` line and the
    /// shell goes on; a 32 MiB VM with its pages drained answers with `error:` lines instead of
    /// panicking, and works again once the pages are freed; `bench exceptions` measures a throw.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    [Trait(TestTraits.KernelFeature, TestTraits.BootOptions)]
    public sealed class ExceptionTests
    {
        private static readonly TimeSpan s_commandLimit = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan s_bootLimit = TimeSpan.FromSeconds(30);
        private static readonly Regex s_largestRun = new Regex(@"largest free run: (\d+) pages");
        private static readonly Regex s_runAddress = new Regex(@"^(0x[0-9A-Fa-f]+) \(HHDM");

        private readonly Action<string> _log;

        public ExceptionTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        public void UnhandledException_ReportNamesTheMethodChainInOrder()
        {
            string report = TestMachines.PanicReport(_log, "test=throw");

            Assert.Contains("exception: InvalidOperationException", report);
            Assert.Contains("message: boot test: thrown on purpose", report);
            string[] chain = { "BootTestPaths.ThrowOne", "Kernel.BeforeRun", "Kernel.Start", "Program.Main" };
            int previous = report.IndexOf("stack trace:", StringComparison.Ordinal);
            Assert.True(previous >= 0, "the report has no stack trace:\n" + report);
            foreach (string method in chain)
            {
                int at = report.IndexOf(method, previous, StringComparison.Ordinal);
                Assert.True(at > previous, $"the stack trace should name {method} after the frames before it:\n{report}");
                previous = at;
            }
        }

        [Fact]
        public void UncaughtFault_ReportNamesTheExceptionTheCpuFaultAndTheMethod()
        {
            string report = TestMachines.PanicReport(_log, "test=divide-zero");

            Assert.Contains("exception: DivideByZeroException", report);
            Assert.Contains("message: Attempted to divide by zero.", report);
            Assert.Contains("from the CPU exception: Divide Error (#DE), vector 0", report);
            int trace = report.IndexOf("stack trace:", StringComparison.Ordinal);
            Assert.True(trace >= 0 && report.IndexOf("BootTestPaths.DivideBy", trace, StringComparison.Ordinal) > trace,
                "the stack trace should start in the method that divided:\n" + report);
        }

        [Fact]
        public void CpuPanic_ReportEndsWithTheStackTraceOfTheInterruptedMethods()
        {
            string report = TestMachines.PanicReport(_log, "test=fault-unmapped");

            Assert.Contains("exception: Page Fault (#PF), vector 14", report);
            Assert.Contains("lower half: nothing is mapped there", report);
            int trace = report.IndexOf("stack trace:", StringComparison.Ordinal);
            Assert.True(trace >= 0, "the CPU panic report has no stack trace:\n" + report);
            int faulting = report.IndexOf("BootTestPaths.WriteToUnmapped", trace, StringComparison.Ordinal);
            int caller = report.IndexOf("Kernel.BeforeRun", trace, StringComparison.Ordinal);
            Assert.True(faulting > trace && caller > faulting,
                "the trace should name the faulting method, then its caller:\n" + report);
        }

        [Fact]
        public void BenchExceptions_MeasuresAThrowCaughtOneAndTenFramesUp()
        {
            using VirtualMachine vm = TestMachines.StartAtPrompt(_log, deadline: s_bootLimit + TimeSpan.FromSeconds(120));

            string output = string.Join("\n", vm.Serial.RunCommand("bench exceptions", TimeSpan.FromSeconds(90)));
            Match one = Regex.Match(output, @"throw, caught 1 frame up: (\d+) cycles per throw");
            Match ten = Regex.Match(output, @"throw, caught 10 frames up: (\d+) cycles per throw");
            Assert.True(one.Success && ten.Success, "bench exceptions should print both rows:\n" + output);
            ulong oneFrame = ulong.Parse(one.Groups[1].Value), tenFrames = ulong.Parse(ten.Groups[1].Value);
            _log($"throw caught 1 frame up: {oneFrame} cycles, 10 frames up: {tenFrames} cycles");
            Assert.True(oneFrame > 0 && tenFrames > oneFrame, $"a throw 10 frames up should cost more than 1 frame up: {oneFrame}, {tenFrames}");
            Assert.StartsWith("error: unknown benchmark", Run(vm, "bench nothing").First(l => l.Trim().Length > 0).Trim());
        }

        [Fact]
        public void CommandThatThrows_PrintsOneErrorLine_AndTheShellGoesOn()
        {
            using VirtualMachine vm = StartWithThrowCommand(128);

            AssertSingleError(vm, "throw managed", "error: InvalidOperationException: thrown on purpose by the throw command");
            AssertSingleError(vm, "throw null", "error: NullReferenceException: Object reference not set to an instance of an object.");
            AssertSingleError(vm, "throw divide", "error: DivideByZeroException: Attempted to divide by zero.");
            Assert.Contains(Run(vm, "help"), line => line.StartsWith("echo", StringComparison.Ordinal));
            Assert.Contains("heap check: ok", string.Join("\n", Run(vm, "heap check")));
            Assert.Equal("still here", Run(vm, "echo still here").Single(l => l.Trim().Length > 0).Trim());
        }

        [Fact]
        public void DrainedVm_AnswersWithErrorLines_AndRecoversOnceMemoryIsFreed()
        {
            using VirtualMachine vm = StartWithThrowCommand(32, extraSeconds: 240);

            // Take every free page for the shell, run after run, so the heap cannot grow.
            var runs = new List<(string Address, ulong Pages)>();
            for (int attempt = 0; attempt < 200; attempt++)
            {
                string answer = string.Join("\n", Run(vm, "pmalloc 1000000"));
                Match largest = s_largestRun.Match(answer);
                Assert.True(largest.Success, "pmalloc of more pages than exist should name the largest free run:\n" + answer);
                ulong pages = ulong.Parse(largest.Groups[1].Value);
                if (pages == 0)
                    break;
                // (the run may have shrunk since the question: the shell takes its exception reserve before each command)
                string taken = Run(vm, "pmalloc " + pages).FirstOrDefault(l => s_runAddress.IsMatch(l.Trim()));
                if (taken != null)
                    runs.Add((s_runAddress.Match(taken.Trim()).Groups[1].Value, pages));
            }
            Assert.NotEmpty(runs);

            // Exhaust the heap, then keep using the shell: every answer is output or error lines, never a panic.
            AssertSingleError(vm, "throw memory", "error: OutOfMemoryException: ");
            string[] commands = { "help", "alloc 65536", "throw memory", "echo drained" };
            int errors = 0;
            for (int i = 0; i < 12; i++)
            {
                string command = commands[i % commands.Length];
                IReadOnlyList<string> lines = Run(vm, command);
                Assert.DoesNotContain(lines, l => l.Contains("KERNEL PANIC", StringComparison.Ordinal));
                Assert.True(lines.Any(l => l.Trim().Length > 0), $"`{command}` answered nothing on the drained VM");
                if (lines.Any(l => l.StartsWith("error:", StringComparison.Ordinal)))
                    errors++;
            }
            _log($"{errors} of 12 commands answered with an error line on the drained VM");
            Assert.True(errors >= 6, $"`alloc 65536` and `throw memory` must answer with error lines on the drained VM ({errors} of 12 did)");
            Assert.Contains("heap check: ok", string.Join("\n", Run(vm, "heap check")));

            foreach ((string address, ulong pages) in runs)
                Assert.StartsWith("freed " + pages, Run(vm, $"pmfree {address} {pages}").First(l => l.Trim().Length > 0).Trim());
            Assert.Contains(Run(vm, "help"), line => line.StartsWith("acpi", StringComparison.Ordinal));
            Assert.Matches(@"^0x[0-9A-Fa-f]+", Run(vm, "alloc 512").First(l => l.Trim().Length > 0).Trim());
            Assert.Contains("heap check: ok", string.Join("\n", Run(vm, "heap check")));
        }

        private VirtualMachine StartWithThrowCommand(int memoryMiB, int extraSeconds = 90) =>
            TestMachines.StartAtPrompt(_log, VirtualMachineKind.Qemu, memoryMiB,
                s_bootLimit + TimeSpan.FromSeconds(extraSeconds), "test=shell-throw");

        private static IReadOnlyList<string> Run(VirtualMachine vm, string command) => vm.Serial.RunCommand(command, s_commandLimit);

        /// <summary>The command's whole answer is one line starting with <paramref name="expectedStart"/>.</summary>
        private static void AssertSingleError(VirtualMachine vm, string command, string expectedStart)
        {
            List<string> lines = Run(vm, command).Where(l => l.Trim().Length > 0).ToList();
            Assert.True(lines.Count == 1 && lines[0].Trim().StartsWith(expectedStart, StringComparison.Ordinal),
                $"`{command}` should answer with one line starting \"{expectedStart}\", not:\n{string.Join("\n", lines)}");
        }
    }
}
