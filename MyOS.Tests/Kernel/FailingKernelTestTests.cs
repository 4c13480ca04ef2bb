using System;
using System.Linq;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// A failing kernel test makes its case fail and is named: the boot option
    /// test=failing-kernel-test adds "selftest.always-fails" to the kernel's suite, and the same
    /// runner code the matrix uses must classify it as failed, with the kernel's reason and the
    /// transcript, while the other tests of that boot still pass.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    [Trait(TestTraits.KernelFeature, TestTraits.BootOptions)]
    public sealed class FailingKernelTestTests
    {
        private const string FailingTest = "selftest.always-fails";
        private const string FailingReason = "deliberate failure requested by boot option test=failing-kernel-test";

        private static readonly VmConfiguration s_configuration =
            new VmConfiguration("qemu-128MiB-failing-test", VirtualMachineKind.Qemu, 128, "test=failing-kernel-test");

        private readonly ITestOutputHelper _output;

        /// <summary>xunit gives each test its output, where the run logs its boot and progress.</summary>
        public FailingKernelTestTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void FailingKernelTest_FailsItsCase_NamedWithItsReasonAndTranscript()
        {
            ConfigurationRun run = ConfigurationRun.Execute(s_configuration, _output.WriteLine);

            Assert.True(run.Error == null, $"the boot did not reach the suite: {run.Error}\n{run.Transcript}");
            Assert.Contains(FailingTest, run.ListedTests);
            KernelTestResult result = run.Result(FailingTest);
            Assert.Equal(KernelTestOutcome.Failed, result.Outcome);
            Assert.Equal(FailingReason, result.Reason);

            // The run as a whole fails, because of this test alone, and is otherwise consistent.
            Assert.False(run.Suite.Succeeded);
            Assert.Equal(new[] { FailingTest }, run.Suite.Failures.Select(failure => failure.Name));
            Assert.Empty(run.Suite.Problems());
            Assert.Equal(1, run.Suite.SummaryFailed);

            // What a case of KernelSuiteTests would throw: the kernel test, the VM, the reason, the transcript.
            KernelTestFailedException failure = Assert.Throws<KernelTestFailedException>(() => run.RequirePassed(FailingTest));
            Assert.StartsWith($"Kernel test {FailingTest} failed in {s_configuration.Description}: {FailingReason}", failure.Message);
            Assert.Contains($"FAIL {FailingTest}: {FailingReason}", failure.Message);
            Assert.Contains(run.Transcript, failure.Message);
            foreach (string passing in run.ListedTests.Where(name => name != FailingTest))
                run.RequirePassed(passing);
        }

        [Fact]
        public void NormalBoot_DoesNotListTheFailingTest()
        {
            // Discovery boots without the option; were the test listed there, every matrix VM would fail.
            Assert.True(KernelTestDiscovery.Error == null, KernelTestDiscovery.Error);
            Assert.DoesNotContain(FailingTest, KernelTestDiscovery.Names);
        }
    }
}
