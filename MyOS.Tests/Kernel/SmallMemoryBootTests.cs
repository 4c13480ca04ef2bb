using System;
using System.Collections.Generic;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The smallest machines: MyOS boots with the least RAM GRUB can load it in (the in-kernel
    /// suite runs there too, as part of the VM matrix), and with less, GRUB's own error reaches the serial console (it writes there
    /// too), so a serial user sees why nothing boots. Also the SerialColors setting's off side.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    public sealed class SmallMemoryBootTests
    {
        /// <summary>
        /// The least RAM (MiB) QEMU's BIOS and GRUB load MyOS in. Measured on the kernel built on
        /// .NET's CoreLib (2.2 MB loaded, 1.3 MB of .bss): 6 MiB fails, 7 boots (the hand-made
        /// core library's smaller kernel booted in 5).
        /// </summary>
        public const int SmallestMiB = 7;

        private static readonly TimeSpan s_commandLimit = TimeSpan.FromSeconds(30);
        private readonly Action<string> _log;

        public SmallMemoryBootTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        public void SmallestRam_BootsToThePrompt()
        {
            // The whole in-kernel suite runs at this size too (VmConfiguration.Matrix).
            using VirtualMachine vm = TestMachines.Start(_log, VirtualMachineKind.Qemu, TimeSpan.FromSeconds(60), memoryMiB: SmallestMiB);

            BootResult boot = vm.WaitForBoot(TimeSpan.FromSeconds(30));

            Assert.Contains($"Memory: {SmallestMiB - 1} MiB usable RAM", boot.Text);
            Assert.DoesNotContain("KERNEL PANIC", vm.Transcript);
        }

        [Fact]
        public void BelowTheSmallestRam_GrubsErrorShowsOnSerial()
        {
            using VirtualMachine vm = TestMachines.Start(_log, VirtualMachineKind.Qemu, TimeSpan.FromSeconds(60), memoryMiB: SmallestMiB - 1);

            string output = vm.Serial.WaitFor("out of memory", TimeSpan.FromSeconds(40));

            Assert.Contains("error: out of memory", output);
            Assert.DoesNotContain(VirtualMachine.BannerPrefix + "0", vm.Transcript);
        }

        [Fact]
        public void SerialColorsOff_SendsNoColourSequences()
        {
            using VirtualMachine vm = VirtualMachine.Start(new VirtualMachineOptions
            {
                Kind = VirtualMachineKind.Qemu,
                KernelArguments = "serialcolors=false",
                Deadline = TimeSpan.FromSeconds(90),
                Log = _log,
            });
            vm.WaitForBoot(TimeSpan.FromSeconds(30));
            int rawStart = vm.Serial.RawTranscript.Length;

            IReadOnlyList<string> output = vm.Serial.RunCommand("memmap", s_commandLimit);

            Assert.Contains(output, l => l.StartsWith("[", StringComparison.Ordinal));
            Assert.DoesNotMatch(@"\x1b\[[0-9;]*m", vm.Serial.RawTranscript.Substring(rawStart));
        }
    }
}
