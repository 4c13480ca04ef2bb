using System;
using System.Collections.Generic;
using System.Linq;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// ACPI on each machine (issue 17): `acpi` lists the tables, `reboot` comes back to the banner
    /// (the VM may reset), and `shutdown` ends the VM through ACPI alone (no isa-debug-exit device).
    /// One boot per machine does all three, so the matrix stays short.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    public sealed class PowerTests
    {
        private readonly Action<string> _log;

        public PowerTests(ITestOutputHelper output) => _log = output.WriteLine;

        /// <summary>The machines: QEMU pc and q35 under SeaBIOS and OVMF, and Bochs.</summary>
        public static IEnumerable<object[]> Machines() => new[]
        {
            new object[] { "qemu-pc-bios" }, new object[] { "qemu-q35-bios" },
            new object[] { "qemu-pc-uefi" }, new object[] { "qemu-q35-uefi" }, new object[] { "bochs" },
        };

        [Theory]
        [MemberData(nameof(Machines))]
        public void AcpiListsTables_RebootReturnsToTheBanner_ShutdownEndsTheVmThroughAcpi(string machine)
        {
            bool bochs = machine == "bochs", uefi = machine.EndsWith("-uefi", StringComparison.Ordinal);
            TimeSpan bootLimit = TimeSpan.FromSeconds(bochs || uefi ? 60 : 30), commandLimit = TimeSpan.FromSeconds(20);
            using VirtualMachine vm = VirtualMachine.Start(new VirtualMachineOptions
            {
                Kind = bochs ? VirtualMachineKind.Bochs : VirtualMachineKind.Qemu,
                Machine = machine.Contains("q35") ? "q35" : "pc",
                Firmware = uefi ? Firmware.Uefi : Firmware.Bios,
                DebugExitDevice = false,
                AllowReboot = true,
                Deadline = 2 * bootLimit + 3 * commandLimit,
                Log = _log,
            });
            vm.WaitForBoot(bootLimit);

            IReadOnlyList<string> acpi = vm.Serial.RunCommand("acpi", commandLimit);
            _log(string.Join("\n", acpi));
            Assert.Contains(acpi, line => line.StartsWith("RSDP: revision", StringComparison.Ordinal));
            foreach (string table in new[] { "FACP", "DSDT" })
                Assert.Contains(acpi, line => line.StartsWith(table + "   0x", StringComparison.Ordinal));
            Assert.Contains(acpi, line => line.StartsWith("power-off: S5 sleep type", StringComparison.Ordinal));
            Assert.DoesNotContain(acpi, line => line.StartsWith("problem:", StringComparison.Ordinal));

            vm.Serial.SendLine("reboot");
            vm.Serial.WaitForLine(line => line.StartsWith("Reset: ", StringComparison.Ordinal), "a \"Reset: \" line", commandLimit);
            vm.Serial.WaitForLine(line => line.StartsWith(VirtualMachine.BannerPrefix, StringComparison.Ordinal), "the banner again after reboot", bootLimit);
            vm.Serial.WaitForPrompt(bootLimit);
            string lastStep = vm.Transcript.Split('\n').Last(line => line.StartsWith("Reset: ", StringComparison.Ordinal)).Trim();
            _log($"{vm.Description}: rebooted; the last reset step tried was \"{lastStep}\"");

            vm.Serial.SendLine("shutdown");
            Assert.True(vm.WaitForExit(commandLimit), $"{vm.Description} still runs {commandLimit.TotalSeconds} s after `shutdown`:\n{vm.Transcript}");
            Assert.Contains("ACPI power-off: S5", vm.Transcript);
            Assert.DoesNotContain("did not take effect", vm.Transcript);
            Assert.DoesNotContain("KERNEL PANIC", vm.Transcript);
            if (vm is BochsMachine bochsMachine)
            {
                // Bochs ends the same way (status 1) for ACPI and for its own shutdown port: its log tells which.
                string log = System.IO.File.ReadAllText(bochsMachine.LogPath);
                Assert.Contains("ACPI control: soft power off", log);
                Assert.DoesNotContain("Shutdown port", log);
            }
        }
    }
}
