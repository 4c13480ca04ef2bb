using System;
using System.Collections.Generic;
using System.Linq;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The in-kernel suite in every VM of the matrix, as one `dotnet test` case per kernel test
    /// per VM (the names come from the kernel's own `test list`), plus a check per VM of the memory
    /// the kernel reports against the RAM the VM was given. One boot per VM serves all its cases
    /// (<see cref="KernelSuiteFixture"/>).
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    [Trait(TestTraits.KernelFeature, TestTraits.Shell)]
    [TestCaseOrderer(KernelSuiteCaseOrderer.TypeName, KernelSuiteCaseOrderer.AssemblyName)]
    public sealed class KernelSuiteTests : IClassFixture<KernelSuiteFixture>
    {
        private readonly KernelSuiteFixture _fixture;
        private readonly ITestOutputHelper _output;

        /// <summary>xunit gives the shared boots and this case's output.</summary>
        public KernelSuiteTests(KernelSuiteFixture fixture, ITestOutputHelper output)
        {
            _fixture = fixture;
            _output = output;
        }

        /// <summary>Every VM of the matrix, by id.</summary>
        public static IEnumerable<object[]> Configurations() =>
            VmConfiguration.Matrix.Select(configuration => new object[] { configuration.Id });

        /// <summary>
        /// Every kernel test in every VM: the pinned names (<see cref="KernelTestNames"/>) and any
        /// other the kernel lists; one stand-in case if `test list` could not be read.
        /// </summary>
        public static IEnumerable<object[]> KernelTests()
        {
            if (KernelTestDiscovery.Error != null)
                return new[] { new object[] { VmConfiguration.Matrix[1].Id, KernelTestDiscovery.FailedPlaceholder } };
            return VmConfiguration.Matrix.SelectMany(configuration =>
                KernelTestNames.PinnedAndListed(KernelTestDiscovery.Names).Select(name => new object[] { configuration.Id, name }));
        }

        [Theory]
        [MemberData(nameof(KernelTests))]
        public void InKernelTest(string vm, string kernelTest)
        {
            if (KernelTestDiscovery.Error != null)
                Assert.Fail(KernelTestDiscovery.Error);
            if (KernelTestNames.Mismatch(kernelTest, KernelTestDiscovery.Names) is string mismatch)
                Assert.Fail(mismatch);
            ConfigurationRun run = Run(vm);

            KernelTestResult result = run.Result(kernelTest);
            _output.WriteLine($"{run.Configuration.Description}: {result} ({result.Elapsed.TotalSeconds:0.0} s)");
            run.RequirePassed(kernelTest);
        }

        [Theory]
        [MemberData(nameof(Configurations))]
        public void MemoryTotals_MatchTheRamTheVmWasGiven(string vm)
        {
            ConfigurationRun run = Run(vm);

            (string description, IReadOnlyList<string> problems) = run.CheckMemory();
            _output.WriteLine(description);
            if (problems.Count > 0)
            {
                Assert.Fail($"The memory {run.Configuration.Description} reports disagrees with its RAM ({run.Configuration.MemoryLayout}):\n- " +
                            string.Join("\n- ", problems) + Context(run));
            }
        }

        [Theory]
        [MemberData(nameof(Configurations))]
        public void MemInfo_NamesTheAllocatorsTheBootOptionsChose(string vm)
        {
            ConfigurationRun run = Run(vm);
            Assert.True(run.MemInfoLines != null, "no meminfo: " + run.Error + Context(run));

            string arguments = " " + run.Configuration.KernelArguments + " ";
            string pages = arguments.Contains(" pages=bytemap ") ? "(pages=bytemap)" : "(pages=bitmap)";
            string heap = arguments.Contains(" heap=linear ") ? "(heap=linear)" : "(heap=block)";
            Assert.Contains(run.MemInfoLines, line => line.StartsWith("page allocator:") && line.EndsWith(pages));
            Assert.Contains(run.MemInfoLines, line => line.StartsWith("heap allocator:") && line.EndsWith(heap));
        }

        [Theory]
        [MemberData(nameof(Configurations))]
        public void Suite_ReportsEachListedTestOnce_WithAMatchingSummary(string vm)
        {
            ConfigurationRun run = Run(vm);

            var problems = new List<string>(run.Suite?.Problems() ?? new[] { "the suite did not run: " + run.Error });
            if (KernelTestDiscovery.Error == null && !run.ListedTests.SequenceEqual(KernelTestDiscovery.Names))
            {
                problems.Add($"`test list` named {string.Join(", ", run.ListedTests)} in this boot but " +
                             $"{string.Join(", ", KernelTestDiscovery.Names)} at discovery (was the ISO rebuilt during the run?)");
            }

            if (problems.Count > 0)
                Assert.Fail($"The `test` run in {run.Configuration.Description} is inconsistent:\n- " + string.Join("\n- ", problems) + Context(run));
        }

        // The shared boot of vm, waited for; its boot line goes to this case's output.
        private ConfigurationRun Run(string vm)
        {
            ConfigurationRun run = _fixture.Get(VmConfiguration.Find(vm));
            _output.WriteLine($"{run.Configuration.Description}: " +
                              (run.BootTime is TimeSpan boot ? $"boot to prompt {boot.TotalSeconds:0.00} s, " : "") +
                              $"VM ran {run.VmLifetime.TotalSeconds:0.0} s; {run.SuiteLine()}");
            return run;
        }

        private static string Context(ConfigurationRun run) =>
            $"\n--- serial transcript ({run.Transcript.Length} characters) ---\n{run.Transcript}\n--- end of transcript ---";
    }
}
