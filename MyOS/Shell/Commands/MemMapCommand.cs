using MyOS.Core;
using MyOS.Core.Console;
using MyOS.Core.Hardware;
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
            WriteBar(map);
            KernelConsole.Write("usable: " + Format.Decimal(map.UsableBytes) + " bytes (" + Format.Bytes(map.UsableBytes));
            KernelConsole.WriteLine(") of " + Format.Decimal(map.TotalBytes) + " bytes reported");
        }

        /// <summary>Cells in the address-space bar.</summary>
        private const int BarCells = 64;
        /// <summary>Pages sampled per cell to choose its colour.</summary>
        private const int SamplesPerCell = 16;

        /// <summary>
        /// A proportional bar of physical memory from 0 to the end of usable RAM: each cell is
        /// coloured by what most of its sampled pages are: free RAM (green, '.'), in use by the
        /// kernel or allocated (yellow, '#'), reserved or a hole (red, 'x').
        /// </summary>
        private static void WriteBar(MemoryMap map)
        {
            ulong end = map.HighestUsableEnd;
            if (end == 0)
                return;
            ulong cellBytes = (end + BarCells - 1) / BarCells;
            PhysicalPageAllocator pages = KernelMemory.Pages;
            KernelConsole.Write("[");
            for (int cell = 0; cell < BarCells; cell++)
            {
                int free = 0, used = 0, reserved = 0;
                for (int sample = 0; sample < SamplesPerCell; sample++)
                {
                    ulong address = PageMath.PageAlignAddress((ulong)cell * cellBytes + (ulong)sample * (cellBytes / SamplesPerCell));
                    PageState state = pages.QueryPage(address);
                    if (state == PageState.Free)
                        free++;
                    else if (state == PageState.Used || map.FindRegion(address) >= 0 && map[map.FindRegion(address)].Kind == RegionKind.Kernel)
                        used++;
                    else
                        reserved++;
                }
                bool isFree = free >= used && free >= reserved, isUsed = !isFree && used >= reserved;
                KernelConsole.SetColors(isFree ? VgaColor.LightGreen : isUsed ? VgaColor.Yellow : VgaColor.LightRed, VgaColor.Black);
                KernelConsole.Write(isFree ? '.' : isUsed ? '#' : 'x');
            }
            KernelConsole.SetColors(VgaColor.LightGray, VgaColor.Black);
            KernelConsole.WriteLine("]");
            KernelConsole.Write("0 .. " + Format.Hex(end) + ", one cell = " + Format.Bytes(cellBytes));
            KernelConsole.WriteLine(": '.' free, '#' in use, 'x' reserved");
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
                case RegionKind.EfiRuntime: return "efi-runtime";
                case RegionKind.Kernel: return "kernel";
                case RegionKind.Framebuffer: return "framebuffer";
                default: return "unknown";
            }
        }
    }
}
