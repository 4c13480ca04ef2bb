using System;
using System.Collections.Generic;
using System.Linq;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The smallest machines: MyOS boots and passes its memory tests with the least RAM GRUB can
    /// load it in, and with less, GRUB's own error reaches the serial console (it writes there
    /// too), so a serial user sees why nothing boots. Also the SerialColors setting's off side.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    public sealed class SmallMemoryBootTests
    {
        /// <summary>The least RAM (MiB) QEMU's BIOS and GRUB load MyOS in (measured: 4 MiB fails).</summary>
        public const int SmallestMiB = 5;

        private static readonly TimeSpan s_commandLimit = TimeSpan.FromSeconds(60);
        private readonly Action<string> _log;

        public SmallMemoryBootTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        public void SmallestRam_BootsToThePrompt_AndTheMemoryTestsPass()
        {
            using VirtualMachine vm = TestMachines.StartAtPrompt(_log, memoryMiB: SmallestMiB, deadline: TimeSpan.FromSeconds(150));

            foreach (string prefix in new[] { "pages", "heap" })
            {
                IReadOnlyList<string> output = vm.Serial.RunCommand("test " + prefix, s_commandLimit);
                Assert.True(output.Count > 1 && output.Last().EndsWith(" passed, 0 failed", StringComparison.Ordinal)
                    && output.All(l => !l.StartsWith("FAIL", StringComparison.Ordinal)),
                    $"test {prefix} at {SmallestMiB} MiB:\n{string.Join("\n", output)}");
            }
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
