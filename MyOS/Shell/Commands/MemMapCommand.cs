using MyOS.Core;
using MyOS.Core.Console;
using MyOS.Core.Memory;

namespace MyOS.Shell.Commands
{
    /// <summary>`memmap`: the boot memory map, one region per line (base, last address, type, size), and the totals.</summary>
    public sealed class MemMapCommand : ShellCommand
    {
        public override string Name => "memmap";
        public override string Usage => "memmap";
        public override string Summary => "the boot memory map, one region per line, and the totals";

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 0, 0))
                return;
            MemoryMap map = KernelBoot.MemoryMap;
            for (int i = 0; i < map.Count; i++)
            {
                PhysicalRegion region = map[i];
                KernelConsole.WriteHex(region.Base, 16);
                KernelConsole.Write(" - ");
                KernelConsole.WriteHex(region.End - 1, 16);
                KernelConsole.WriteLine("  " + KindName(region.Kind) + "  " + Format.Bytes(region.Length));
            }
            KernelConsole.Write("usable: " + Format.Decimal(map.UsableBytes) + " bytes (" + Format.Bytes(map.UsableBytes));
            KernelConsole.WriteLine(") of " + Format.Decimal(map.TotalBytes) + " bytes reported");
        }

        /// <summary>The word printed for a region's kind.</summary>
        public static string KindName(RegionKind kind)
        {
            switch (kind)
            {
                case RegionKind.Usable: return "usable";
                case RegionKind.Reserved: return "reserved";
                case RegionKind.AcpiReclaimable: return "acpi-reclaimable";
                case RegionKind.AcpiNvs: return "acpi-nvs";
                case RegionKind.BadMemory: return "bad-memory";
                case RegionKind.Kernel: return "kernel";
                default: return "unknown";
            }
        }
    }
}
