using System;
using System.Diagnostics;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The runner's own guarantees with a real VM: a wait that cannot succeed ends at its limit
    /// with the transcript in its message, the deadline kills a VM, and no VM process outlives Dispose.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    public sealed class RunnerSelfTests
    {
        private readonly Action<string> _log;

        /// <summary>xunit gives each test its output, where the VMs log their boot times.</summary>
        public RunnerSelfTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        [Trait(TestTraits.KernelFeature, TestTraits.BootOptions)]
        public void HangingKernel_PromptWaitTimesOutWithTheTranscript_AndTheVmIsGoneAfterDispose()
        {
            TimeSpan limit = TimeSpan.FromSeconds(10);
            VirtualMachine vm = TestMachines.Start(_log, VirtualMachineKind.Qemu, TimeSpan.FromSeconds(30), kernelArguments: "test=hang");
            try
            {
                Stopwatch clock = Stopwatch.StartNew();
                SerialTimeoutException timeout = Assert.Throws<SerialTimeoutException>(() => vm.Serial.WaitForPrompt(limit));
                clock.Stop();

                // A lower bound only: how late the wait wakes up depends on the machine's load; that
                // it did not end early for another reason is the exception's type and the VM alive.
                Assert.True(clock.Elapsed >= limit, $"the wait gave up after {clock.Elapsed}, before its limit {limit}");
                Assert.Contains(VirtualMachine.BannerPrefix, timeout.Transcript);
                Assert.Contains(timeout.Transcript, timeout.Message);
                Assert.Contains("prompt", timeout.Message);
                Assert.True(vm.IsProcessAlive, "a hanging kernel should leave QEMU running until the runner kills it");
            }
            finally
            {
                vm.Dispose();
            }
            Assert.False(vm.IsProcessAlive, $"QEMU (pid {vm.ProcessId}) still exists after Dispose");
        }

        [Fact]
        public void Deadline_KillsTheVm_AndEndsAWaitEarlyWithTheReason()
        {
            TimeSpan deadline = TimeSpan.FromSeconds(8);
            using VirtualMachine vm = TestMachines.Start(_log, VirtualMachineKind.Qemu, deadline);

            SerialClosedException closed = Assert.Throws<SerialClosedException>(
                () => vm.Serial.WaitFor("text the kernel never prints", TimeSpan.FromSeconds(60)));

            // A lower bound only (the kill is not early); the wait's 60 s limit was not what ended it:
            // that would have been a SerialTimeoutException.
            Assert.True(vm.Uptime >= deadline, $"the VM was killed after {vm.Uptime}, before its deadline {deadline}");
            Assert.Contains("deadline", closed.Message);
            Assert.Contains(VirtualMachine.BannerPrefix, closed.Transcript);
            Assert.True(vm.HasExited);
            Assert.Null(vm.ExitStatus);
            Assert.False(vm.IsProcessAlive, $"QEMU (pid {vm.ProcessId}) still exists after its deadline");
        }
    }
}
