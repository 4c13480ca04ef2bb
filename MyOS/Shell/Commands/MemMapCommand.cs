using MyOS.Core;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Console;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Map;
using MyOS.Core.Memory.Physical;

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
                MemoryRange region = map[i];
                KernelConsole.WriteHex(region.Base, 16);
                KernelConsole.Write(" - ");
                KernelConsole.WriteHex(region.End - 1, 16);
                KernelConsole.WriteLine("  " + KindName(region.Kind) + "  " + Format.Bytes(region.Length));
            }
            WriteBar(map);
            WriteTotals(map);
        }

        /// <summary>
        /// Usable bytes of the RAM in the map, and the reserved regions apart: firmware and
        /// emulators report device and reserved areas (QEMU: 12 GiB near 1 TiB) that are not RAM.
        /// </summary>
        private static void WriteTotals(MemoryMap map)
        {
            ulong reserved = 0;
            for (int i = 0; i < map.Count; i++)
            {
                if (map[i].Kind == MemoryKind.Reserved || map[i].Kind == MemoryKind.Framebuffer)   // a framebuffer is device memory
                    reserved += map[i].Length;
            }

            ulong ram = map.TotalBytes - reserved;
            KernelConsole.Write("usable: " + Format.Decimal(map.UsableBytes) + " bytes (" + Format.Bytes(map.UsableBytes));
            KernelConsole.WriteLine(") of " + Format.Decimal(ram) + " bytes RAM (" + Format.Bytes(ram) + ")");
            KernelConsole.WriteLine("reserved, not RAM: " + Format.Decimal(reserved) + " bytes (" + Format.Bytes(reserved) + ")");
        }

        /// <summary>Cells in the address-space bar.</summary>
        private const int BarCells = 64;
        /// <summary>Pages sampled per cell to choose its colour.</summary>
        private const int SamplesPerCell = 16;

        /// <summary>
        /// A proportional bar of physical memory from 0 to the end of usable RAM. A cell that
        /// holds allocated pages shows the letter of the owner with the most pages in it (T page
        /// tables, H heap, M allocator metadata, C collector, K other kernel, S shell); any other
        /// cell is coloured by what most of its sampled pages are: free RAM (green, '.'), the
        /// kernel's reserved memory (yellow, '#'), reserved or a hole (red, 'x').
        /// </summary>
        private static void WriteBar(MemoryMap map)
        {
            ulong end = map.HighestUsableEnd;
            if (end == 0)
                return;
            ulong cellBytes = PageMath.GetPageCount((end + BarCells - 1) / BarCells) << PageMath.PageShift;
            PhysicalPageAllocator pages = KernelMemory.Pages;
            ulong[] owned = new ulong[PhysicalPageAllocator.OwnerCount];
            PageRun run;
            bool more = pages.NextRun(0, out run);
            KernelConsole.Write("[");
            for (int cell = 0; cell < BarCells; cell++)
            {
                ulong cellStart = (ulong)cell * cellBytes, cellEnd = cellStart + cellBytes;
                for (int i = 0; i < owned.Length; i++)
                    owned[i] = 0;
                // Runs in address order: count the pages of each owner inside this cell.
                while (more && run.Address < cellEnd)
                {
                    ulong runEnd = run.Address + (run.Pages << PageMath.PageShift);
                    ulong from = run.Address > cellStart ? run.Address : cellStart, to = runEnd < cellEnd ? runEnd : cellEnd;
                    owned[(int)run.Owner & (owned.Length - 1)] += (to - from) >> PageMath.PageShift;
                    if (runEnd > cellEnd)
                        break;
                    more = pages.NextRun(runEnd, out run);
                }
                int top = 0;
                for (int i = 1; i < owned.Length; i++)
                {
                    if (owned[i] > owned[top])
                        top = i;
                }

                if (owned[top] != 0)
                {
                    KernelConsole.SetColors(PageOwnership.Colour((PageOwner)top), VgaColor.Black);
                    KernelConsole.Write(PageOwnership.Mark((PageOwner)top));
                    continue;
                }
                int free = 0, kernel = 0, reserved = 0;
                for (int sample = 0; sample < SamplesPerCell; sample++)
                {
                    ulong address = PageMath.PageAlignAddress(cellStart + (ulong)sample * (cellBytes / SamplesPerCell));
                    int region = map.FindRange(address);
                    if (pages.QueryPage(address) == PageState.Free)
                        free++;
                    else if (region >= 0 && map[region].Kind == MemoryKind.Kernel)
                        kernel++;
                    else
                        reserved++;
                }
                bool isFree = free >= kernel && free >= reserved, isKernel = !isFree && kernel >= reserved;
                KernelConsole.SetColors(isFree ? VgaColor.LightGreen : isKernel ? VgaColor.Yellow : VgaColor.LightRed, VgaColor.Black);
                KernelConsole.Write(isFree ? '.' : isKernel ? '#' : 'x');
            }
            KernelConsole.SetColors(VgaColor.LightGray, VgaColor.Black);
            KernelConsole.WriteLine("]");
            KernelConsole.WriteLine("0 .. " + Format.Hex(end) + ", one cell = " + Format.Bytes(cellBytes) + ": '.' free, '#' kernel image, 'x' reserved");
            KernelConsole.WriteLine("T page tables, H heap, M allocator metadata, K kernel, C collector, S shell");
        }

        /// <summary>The word printed for a region's kind.</summary>
        public static string KindName(MemoryKind kind)
        {
            switch (kind)
            {
                case MemoryKind.Usable: return "usable";
                case MemoryKind.Reserved: return "reserved";
                case MemoryKind.AcpiReclaimable: return "acpi-reclaimable";
                case MemoryKind.AcpiNvs: return "acpi-nvs";
                case MemoryKind.BadMemory: return "bad-memory";
                case MemoryKind.EfiRuntime: return "efi-runtime";
                case MemoryKind.Kernel: return "kernel";
                case MemoryKind.Framebuffer: return "framebuffer";
                default: return "unknown";
            }
        }
    }
}
