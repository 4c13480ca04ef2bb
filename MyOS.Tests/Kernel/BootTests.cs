using System;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>The ISO boots to the shell's prompt in each emulator, within that emulator's time limit.</summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    public sealed class BootTests
    {
        private readonly Action<string> _log;

        /// <summary>xunit gives each test its output, where the VMs log their boot times.</summary>
        public BootTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        public void Qemu_128MiB_ShowsBannerAndPromptWithin30Seconds() =>
            BootsToPrompt(VirtualMachineKind.Qemu, memoryMiB: 128, limit: TimeSpan.FromSeconds(30));

        [Fact]
        public void Bochs_128MiB_ShowsBannerAndPromptWithin60Seconds() =>
            BootsToPrompt(VirtualMachineKind.Bochs, memoryMiB: 128, limit: TimeSpan.FromSeconds(60));

        private void BootsToPrompt(VirtualMachineKind kind, int memoryMiB, TimeSpan limit)
        {
            VirtualMachine vm = TestMachines.Start(_log, kind, limit + TimeSpan.FromSeconds(10), memoryMiB);
            try
            {
                BootResult boot = vm.WaitForBoot(limit);

                Assert.StartsWith(VirtualMachine.BannerPrefix, boot.BannerLine);
                Assert.EndsWith(SerialConsole.PromptSuffix, boot.Text);
                Assert.True(boot.BootTime < limit, $"boot took {boot.BootTime.TotalSeconds:0.00} s, limit {limit.TotalSeconds} s");
                Assert.DoesNotContain("KERNEL PANIC", vm.Transcript);
            }
            finally
            {
                vm.Dispose();
            }
            Assert.False(vm.IsProcessAlive, $"{vm.Name} (pid {vm.ProcessId}) still exists after Dispose");
        }
    }
}
