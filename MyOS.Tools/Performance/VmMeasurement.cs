using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using MyOS.Tests.VirtualMachines;

namespace MyOS.Tools.Performance
{
    /// <summary>
    /// The report's VM measurements, through the test runner's driver: each machine booted once
    /// (wall clock from starting its process to the first prompt on serial, BIOS or UEFI and
    /// GRUB included), and on QEMU pc the shell's `bench`. A VM that fails gives its error
    /// instead of a time; the report says so rather than stopping.
    /// </summary>
    public static class VmMeasurement
    {
        /// <summary>What one boot gave.</summary>
        /// <param name="Name">The machine, e.g. "QEMU q35 UEFI".</param>
        /// <param name="Emulation">How it was emulated, for the table: "TCG, no KVM" or Bochs's speed.</param>
        /// <param name="MemoryMiB">Its RAM.</param>
        /// <param name="Uefi">Booted through OVMF.</param>
        /// <param name="BootSeconds">Process start to first prompt; null if it failed.</param>
        /// <param name="BenchText">`bench`'s output (QEMU pc only), or null.</param>
        /// <param name="Error">Why it failed, or null.</param>
        public sealed record Result(string Name, string Emulation, int MemoryMiB, bool Uefi, double? BootSeconds,
            string BenchText, string Error)
        {
            /// <summary>The `bench` table, parsed; empty when there is none.</summary>
            [JsonIgnore]
            public BenchReport Bench => BenchReport.Parse(BenchText ?? "");

            /// <summary>The boot-time target of issue 17: 1 s for QEMU under BIOS, 5 s for Bochs and for OVMF.</summary>
            [JsonIgnore]
            public double TargetSeconds => Uefi || Name == "Bochs" ? 5 : 1;
        }

        private static readonly TimeSpan s_bootLimit = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan s_benchLimit = TimeSpan.FromSeconds(240);

        /// <summary>Boots <paramref name="iso"/> on QEMU pc (with `bench`), Bochs, QEMU q35, and QEMU pc and q35 under OVMF.</summary>
        public static List<Result> Run(string iso, int memoryMiB)
        {
            var machines = new (VirtualMachineKind Kind, string Machine, Firmware Firmware, bool Bench)[]
            {
                (VirtualMachineKind.Qemu, "pc", Firmware.Bios, true),
                (VirtualMachineKind.Bochs, "pc", Firmware.Bios, false),
                (VirtualMachineKind.Qemu, "q35", Firmware.Bios, false),
                (VirtualMachineKind.Qemu, "pc", Firmware.Uefi, false),
                (VirtualMachineKind.Qemu, "q35", Firmware.Uefi, false),
            };
            return machines.Select(m => Boot(iso, memoryMiB, m.Kind, m.Machine, m.Firmware, m.Bench)).ToList();
        }

        private static Result Boot(string iso, int memoryMiB, VirtualMachineKind kind, string machine, Firmware firmware, bool bench)
        {
            var options = new VirtualMachineOptions
            {
                Kind = kind,
                IsoPath = iso,
                MemoryMiB = memoryMiB,
                Machine = machine,
                Firmware = firmware,
                Deadline = s_bootLimit + s_benchLimit + TimeSpan.FromSeconds(30),
                Log = Console.WriteLine,
            };
            string name = kind == VirtualMachineKind.Bochs ? "Bochs"
                : "QEMU" + (machine != "pc" ? " " + machine : "") + (firmware == Firmware.Uefi ? " UEFI (OVMF)" : "");
            string emulation = kind == VirtualMachineKind.Bochs ? $"cpu ips={BochsMachine.InstructionsPerSecond}" : "TCG, no KVM";
            double? boot = null;
            string benchText = null;
            try
            {
                using VirtualMachine vm = VirtualMachine.Start(options);
                boot = vm.WaitForBoot(s_bootLimit).BootTime.TotalSeconds;
                if (bench)
                    benchText = "bench\n" + string.Join("\n", vm.Serial.RunCommand("bench", s_benchLimit));
                if (kind == VirtualMachineKind.Qemu)
                    vm.Shutdown(TimeSpan.FromSeconds(20));
                return new Result(name, emulation, memoryMiB, firmware == Firmware.Uefi, boot, benchText, null);
            }
            catch (Exception e)
            {
                // Whatever went wrong (no prompt, a missing emulator, a bad ISO) is this VM's
                // result: the report shows it in place of a time and goes on with the next VM.
                Console.WriteLine($"{name}: {e.Message}");
                return new Result(name, emulation, memoryMiB, firmware == Firmware.Uefi, boot, benchText, e.Message.Split('\n')[0]);
            }
        }
    }
}
