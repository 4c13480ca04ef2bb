using System;
using System.Collections.Generic;
using System.Linq;
using MyOS.Tests.VirtualMachines;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// One boot of one <see cref="VmConfiguration"/> that serves many test cases: boot to the
    /// prompt, `test list`, `memmap`, `meminfo`, the whole in-kernel suite with one `test`, then
    /// `shutdown`. Everything is kept (results, memory reports, transcript, times); nothing here
    /// throws for a kernel problem, so each test case can fail with its own part of the story.
    /// </summary>
    public sealed class ConfigurationRun
    {
        private ConfigurationRun(VmConfiguration configuration) => Configuration = configuration;

        /// <summary>The VM this run booted.</summary>
        public VmConfiguration Configuration { get; }

        /// <summary>From VM start to the first prompt; null if the prompt never came.</summary>
        public TimeSpan? BootTime { get; private set; }

        /// <summary>From VM start until it was stopped.</summary>
        public TimeSpan VmLifetime { get; private set; }

        /// <summary>The boot output from the banner through the first prompt; null without a prompt.</summary>
        public string BootText { get; private set; }

        /// <summary>What `test list` printed in this boot; empty if it never answered.</summary>
        public IReadOnlyList<string> ListedTests { get; private set; } = Array.Empty<string>();

        /// <summary>The `memmap` lines; null if the run stopped before.</summary>
        public IReadOnlyList<string> MemoryMapLines { get; private set; }

        /// <summary>The `meminfo` lines; null if the run stopped before.</summary>
        public IReadOnlyList<string> MemInfoLines { get; private set; }

        /// <summary>The `test` run; null if the run stopped before it.</summary>
        public KernelSuiteResult Suite { get; private set; }

        /// <summary>Why the run stopped before the suite (VM did not start, no prompt, a command timed out); null otherwise.</summary>
        public string Error { get; private set; }

        /// <summary>Everything the VM sent on its serial line.</summary>
        public string Transcript { get; private set; } = "";

        /// <summary>Boots <paramref name="configuration"/> and runs everything; <paramref name="log"/> gets the boot and a line per kernel test.</summary>
        public static ConfigurationRun Execute(VmConfiguration configuration, Action<string> log)
        {
            var run = new ConfigurationRun(configuration);
            string prefix = $"[{configuration.Id}] ";
            VirtualMachine vm = null;
            try
            {
                vm = VirtualMachine.Start(new VirtualMachineOptions
                {
                    Kind = configuration.Kind,
                    MemoryMiB = configuration.MemoryMiB,
                    KernelArguments = configuration.KernelArguments,
                    Firmware = configuration.Firmware,
                    Machine = configuration.Machine,
                    Deadline = configuration.Deadline,
                    Log = line => log(prefix + line),
                });
                BootResult boot = vm.WaitForBoot(configuration.BootLimit);
                run.BootTime = boot.BootTime;
                run.BootText = boot.Text;
                run.ListedTests = KernelTestOutput.ParseList(vm.Serial.RunCommand("test list", configuration.CommandLimit));
                run.MemoryMapLines = vm.Serial.RunCommand("memmap", configuration.CommandLimit);
                run.MemInfoLines = vm.Serial.RunCommand("meminfo", configuration.CommandLimit);
                log($"{prefix}running {run.ListedTests.Count} kernel tests");
                run.Suite = KernelSuiteRunner.Run(vm.Serial, run.ListedTests, configuration.PerTestLimit,
                    result => log($"{prefix}{result} ({result.Elapsed.TotalSeconds:0.0} s)"));
                log($"{prefix}{run.SuiteLine()}");
                if (run.Suite.Error == null)
                    vm.Shutdown(configuration.CommandLimit);
            }
            catch (Exception e) when (e is SerialTimeoutException || e is SerialClosedException || e is VirtualMachineException || e is FormatException)
            {
                run.Error = KernelSuiteRunner.FirstLines(e.Message);
                log($"{prefix}stopped early: {run.Error}");
            }
            finally
            {
                vm?.Dispose(); // kills the VM if shutdown did not end it, and checks its process is gone
                run.Transcript = vm?.Transcript ?? "";
                run.VmLifetime = vm?.Uptime ?? TimeSpan.Zero;
            }
            return run;
        }

        /// <summary>The suite's outcome in one line, e.g. "5 passed, 0 failed in 4.6 s".</summary>
        public string SuiteLine()
        {
            if (Suite == null)
                return "suite not run: " + (Error ?? "no boot");
            int passed = Suite.All.Count(result => result.Outcome == KernelTestOutcome.Passed);
            return $"{passed} passed, {Suite.Listed.Count - passed} failed or not run, in {Suite.Elapsed.TotalSeconds:0.0} s" +
                   (Suite.Error != null ? $" (stopped early: {Suite.Error})" : "");
        }

        /// <summary>The verdict on kernel test <paramref name="name"/> in this boot.</summary>
        public KernelTestResult Result(string name) =>
            Suite?.Get(name) ?? new KernelTestResult(name, KernelTestOutcome.NotRun, "the boot never reached the suite: " + Error, TimeSpan.Zero);

        /// <summary>
        /// Throws <see cref="KernelTestFailedException"/> naming the kernel test, the VM, the reason
        /// and the transcript unless <paramref name="name"/> passed in this boot.
        /// </summary>
        public void RequirePassed(string name)
        {
            KernelTestResult result = Result(name);
            if (result.Outcome != KernelTestOutcome.Passed)
                throw new KernelTestFailedException(result, Configuration.Description, Transcript);
        }

        /// <summary>The memory problems found (see <see cref="MemoryReportCheck"/>), with a line describing the reports first.</summary>
        public (string Description, IReadOnlyList<string> Problems) CheckMemory()
        {
            if (BootText == null || MemoryMapLines == null || MemInfoLines == null)
                return ("", new[] { "the boot did not get as far as `memmap` and `meminfo`: " + Error });
            try
            {
                BannerMemory banner = BannerMemory.Parse(BootText);
                MemoryMapListing map = MemoryMapListing.Parse(MemoryMapLines);
                MemInfoReport info = MemInfoReport.Parse(MemInfoLines);
                GuestMemoryLayout layout = Configuration.MemoryLayout;
                return (MemoryReportCheck.Describe(layout, banner, map, info), MemoryReportCheck.Check(layout, banner, map, info));
            }
            catch (FormatException e)
            {
                return ("", new[] { e.Message });
            }
        }
    }
}
