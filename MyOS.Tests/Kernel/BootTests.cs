using System;
using System.Globalization;
using System.Text.RegularExpressions;
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
                // The wait itself requires the banner and the prompt within the limit; what it
                // does not check is what the kernel says between them.
                BootResult boot = vm.WaitForBoot(limit);

                Match memory = Regex.Match(boot.Text, @"^Memory: (\d+) MiB usable RAM reported by GRUB", RegexOptions.Multiline);
                Assert.True(memory.Success, "no memory line between the banner and the prompt:\n" + boot.Text);
                int usableMiB = int.Parse(memory.Groups[1].Value, CultureInfo.InvariantCulture);
                Assert.InRange(usableMiB, memoryMiB - 8, memoryMiB - 1);   // RAM given, less the firmware's low areas
                Assert.Contains("Type 'help' for the list of commands.", boot.Text);
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
