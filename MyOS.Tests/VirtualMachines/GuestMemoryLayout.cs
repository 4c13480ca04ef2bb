using System;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// Where an emulator puts the RAM it is given: one block from address 0 up to below 4 GiB,
    /// and, when that block is capped to leave room for the PCI hole, the rest from 4 GiB up.
    /// The firmware then takes a little of it (the area between 640 KiB and 1 MiB, a few KiB
    /// at the top of the low block); those holes are the only RAM a correct memory map may lack.
    /// </summary>
    /// <param name="GivenBytes">The RAM the VM was started with.</param>
    /// <param name="BelowFourGiB">RAM at [0, BelowFourGiB).</param>
    /// <param name="AboveFourGiB">RAM at [4 GiB, 4 GiB + AboveFourGiB).</param>
    /// <param name="Firmware">SeaBIOS (or Bochs's BIOS) keeps a few KiB at the top of low RAM; OVMF
    /// keeps several MiB spread through it (ACPI NVS at 8 MiB, runtime services, its own data).</param>
    public sealed record GuestMemoryLayout(ulong GivenBytes, ulong BelowFourGiB, ulong AboveFourGiB, Firmware Firmware = Firmware.Bios)
    {
        /// <summary>
        /// RAM below 4 GiB the firmware may keep for itself: 1 MiB for a BIOS (SeaBIOS takes 128 KiB,
        /// Bochs's BIOS 64 KiB), 16 MiB for OVMF (measured: 7 to 9 MiB at 128 MiB).
        /// </summary>
        public ulong FirmwareAllowance => Firmware == Firmware.Uefi ? 16 * MiB : 1 * MiB;

        /// <summary>4 GiB, where RAM beyond the low block starts.</summary>
        public const ulong FourGiB = 1UL << 32;

        private const ulong MiB = 1UL << 20;

        // QEMU's pc (i440fx) machine: RAM below 4 GiB is capped at max-ram-below-4g, 3.5 GiB by
        // default; when the RAM reaches that cap the split moves down to 3 GiB, so that both parts
        // stay gigabyte-aligned, and everything above the split is mapped from 4 GiB. So 3.5 GiB
        // of RAM becomes 3 GiB low + 512 MiB high, and 5 GiB becomes 3 GiB low + 2 GiB high.
        private const ulong QemuDefaultMaxBelowFourGiB = 3584 * MiB;
        private const ulong QemuAlignedSplit = 3072 * MiB;

        // Only small Bochs machines are modelled: where Bochs's BIOS splits larger RAM was not measured.
        private const ulong BochsModelledLimit = 3072 * MiB;

        /// <summary>The layout <paramref name="kind"/> gives a VM with <paramref name="memoryMiB"/> MiB of RAM.</summary>
        public static GuestMemoryLayout For(VirtualMachineKind kind, int memoryMiB, Firmware firmware = Firmware.Bios)
        {
            ulong given = (ulong)memoryMiB * MiB;
            switch (kind)
            {
                case VirtualMachineKind.Qemu:
                    ulong below = given >= QemuDefaultMaxBelowFourGiB ? QemuAlignedSplit : given;
                    return new GuestMemoryLayout(given, below, given - below, firmware);
                case VirtualMachineKind.Bochs:
                    if (given > BochsModelledLimit)
                        throw new NotSupportedException($"The memory layout of Bochs with {memoryMiB} MiB (more than 3 GiB) is not modelled.");
                    return new GuestMemoryLayout(given, given, 0);
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown virtual machine kind.");
            }
        }

        /// <summary>The layout in words, e.g. "3072 MiB below 4 GiB + 2048 MiB from 4 GiB".</summary>
        public override string ToString() =>
            $"{BelowFourGiB / MiB} MiB below 4 GiB" + (AboveFourGiB > 0 ? $" + {AboveFourGiB / MiB} MiB from 4 GiB" : "") +
            (Firmware == Firmware.Uefi ? ", UEFI firmware" : "");
    }
}
