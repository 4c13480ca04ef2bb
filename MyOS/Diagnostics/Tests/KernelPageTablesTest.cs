using MyOS.Core;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Arch.X64.Paging;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Map;
using MyOS.Core.Memory.Physical;
using MyOS.Shell;

namespace MyOS.Diagnostics.Tests
{
    /// <summary>
    /// The kernel's own page tables, walked from CR3 through the direct map: every table page is
    /// a run of the page-table owner and their count is what KernelMemory reports; nothing is
    /// mapped in the lower half (so a null pointer faults); every mapping lies either in the
    /// direct map (<see cref="DirectMap.Kernel"/>, and above 4 GiB only the ranges
    /// <see cref="DirectMap.MapsAboveWholeMapped"/> names) or in the kernel image's window
    /// (<see cref="DirectMap.KernelImage"/>, and only pages of the kernel image); the first 4 GiB
    /// are mapped whole, each such range above it is reached, and this test's own static data
    /// translates into the kernel image.
    /// </summary>
    public sealed unsafe class KernelPageTablesTest : KernelTest
    {
        /// <summary>A value in the image's data, whose address must translate into the kernel image.</summary>
        private static ulong s_marker = 0x4D794F53;

        private ulong _tablePages;
        private ulong _directBytesBelowFourGiB;
        private ulong _kernelWindowBytes;

        public override string Name => "paging.kernel-mappings";

        protected override void Execute()
        {
            _tablePages = 0;
            _directBytesBelowFourGiB = 0;
            _kernelWindowBytes = 0;
            WalkTable(Cpu.ReadCr3(), 4, 0);
            if (Failed)
                return;

            Check(_tablePages == KernelMemory.PageTablePages,
                "the walk found " + Format.Decimal(_tablePages) + " table pages, KernelMemory built " + Format.Decimal(KernelMemory.PageTablePages));
            Check(_directBytesBelowFourGiB == DirectMap.WholeMappedBytes,
                "the direct map covers " + Format.Hex(_directBytesBelowFourGiB) + " bytes below 4 GiB, not all of it");
            Check(_kernelWindowBytes > 0, "nothing is mapped in the kernel window");
            CheckRegionsAboveFourGiBReached();

            VirtualAddress marker;
            fixed (ulong* address = &s_marker)
                marker = VirtualAddress.Of(address);
            bool translated = Translate(marker, out PhysicalAddress physical);
            Check(translated && DirectMap.KernelImage.ToVirtual(physical) == marker,
                "this test's static data at " + Format.Hex(marker.Value) + " translates to " + Format.Hex(physical.Value) + ", not to its image address");
            Check(*(ulong*)DirectMap.Kernel.ToPointer(physical) == s_marker,
                "the static data read through the direct map differs from the data read through the kernel window");
        }

        /// <summary>Checks the table at <paramref name="table"/> (level 4 = PML4 .. 1 = PT) that maps from <paramref name="virtualBase"/>, and below it.</summary>
        private void WalkTable(PhysicalAddress table, int level, ulong virtualBase)
        {
            _tablePages++;
            PageOwner owner = KernelMemory.Pages.OwnerOf(table.Value);
            if (!Check(owner == PageOwner.PageTables,
                    "table page " + Format.Hex(table.Value) + " (level " + Format.Decimal((ulong)level) + ") is not a run of the page-table owner"))
            {
                return;
            }

            ulong* entries = PageTables.Entries(DirectMap.Kernel, table);
            int shift = PageTables.IndexShift(level);
            for (int i = 0; i < 512 && !Failed; i++)
            {
                ulong entry = entries[i];
                if ((entry & PageTables.Present) == 0)
                    continue;
                ulong virtualAddress = virtualBase + ((ulong)i << shift);
                if (level == 4)
                {
                    if (!Check(i >= 256, "PML4 entry " + Format.Decimal((ulong)i) + " maps the lower half (null pointers would not fault)"))
                        return;
                    virtualAddress |= 0xFFFF000000000000; // canonical form of the upper half
                }
                PhysicalAddress target = new PhysicalAddress(entry & PageTables.AddressMask);
                if (level == 1 || (level <= 3 && (entry & PageTables.LargePage) != 0))
                {
                    ulong size = 1UL << shift;
                    CheckMapping(new VirtualAddress(virtualAddress), new PhysicalAddress(target.Value & ~(size - 1)), size);
                }
                else
                {
                    WalkTable(target, level - 1, virtualAddress);
                }
            }
        }

        /// <summary>One leaf mapping: [virtualAddress, + size) to [physical, + size).</summary>
        private void CheckMapping(VirtualAddress virtualAddress, PhysicalAddress physical, ulong size)
        {
            if (DirectMap.KernelImage.TryToPhysical(virtualAddress, out PhysicalAddress imagePhysical))
            {
                if (!Check(imagePhysical == physical,
                        "kernel window " + Format.Hex(virtualAddress.Value) + " maps " + Format.Hex(physical.Value) + ", not KernelBase + physical"))
                {
                    return;
                }

                for (ulong page = physical.Value; page < physical.Value + size; page += PageMath.PageSize)
                {
                    string name = KernelBoot.Reservations.NameOf(page);
                    if (!Check(name != null && name.StartsWith("kernel image"),
                            "the kernel window maps " + Format.Hex(page) + ", which is not the kernel image"))
                    {
                        return;
                    }
                }
                _kernelWindowBytes += size;
                return;
            }
            if (!Check(DirectMap.Kernel.TryToPhysical(virtualAddress, out PhysicalAddress directPhysical) && directPhysical == physical,
                    Format.Hex(virtualAddress.Value) + " maps " + Format.Hex(physical.Value) + ": neither the direct map nor the kernel window"))
            {
                return;
            }

            if (physical.Value + size <= DirectMap.WholeMappedBytes)
            {
                _directBytesBelowFourGiB += size;
                return;
            }
            Check(InDirectMappedRegion(physical.Value) && InDirectMappedRegion(physical.Value + size - 1),
                "the direct map reaches " + Format.Hex(physical.Value) + " above 4 GiB, which the memory map does not give as RAM, ACPI, kernel or framebuffer");
        }

        /// <summary>Whether the memory map puts <paramref name="physical"/> in a kind of range the direct map covers above 4 GiB.</summary>
        private static bool InDirectMappedRegion(ulong physical)
        {
            MemoryMap map = KernelBoot.MemoryMap;
            for (int i = 0; i < map.Count; i++)
            {
                MemoryRange range = map[i];
                // Ranges are mapped rounded out to whole pages.
                ulong start = range.Base & ~(PageMath.PageSize - 1);
                ulong end = (range.End + PageMath.PageSize - 1) & ~(PageMath.PageSize - 1);
                if (physical >= start && physical < end && DirectMap.MapsAboveWholeMapped(range.Kind))
                    return true;
            }
            return false;
        }

        /// <summary>The first and last page of every range above 4 GiB that the direct map must cover translate to themselves.</summary>
        private void CheckRegionsAboveFourGiBReached()
        {
            MemoryMap map = KernelBoot.MemoryMap;
            for (int i = 0; i < map.Count && !Failed; i++)
            {
                MemoryRange range = map[i];
                if (range.End <= DirectMap.WholeMappedBytes || !DirectMap.MapsAboveWholeMapped(range.Kind) || range.Length < PageMath.PageSize)
                    continue;
                PhysicalAddress first = new PhysicalAddress(range.Base < DirectMap.WholeMappedBytes ? DirectMap.WholeMappedBytes : range.Base & ~(PageMath.PageSize - 1));
                PhysicalAddress last = new PhysicalAddress((range.End - 1) & ~(PageMath.PageSize - 1));
                Check(TranslatesToItself(first) && TranslatesToItself(last),
                    "the range " + Format.Hex(range.Base) + "-" + Format.Hex(range.End - 1) + " above 4 GiB is not in the direct map");
            }
        }

        /// <summary>True when the direct-map address of <paramref name="physical"/> translates back to it.</summary>
        private static bool TranslatesToItself(PhysicalAddress physical) =>
            Translate(DirectMap.Kernel.ToVirtual(physical), out PhysicalAddress translated) && translated == physical;

        /// <summary>What <paramref name="virtualAddress"/> translates to under the live tables.</summary>
        private static bool Translate(VirtualAddress virtualAddress, out PhysicalAddress physical) =>
            PageTables.TryTranslate(DirectMap.Kernel, Cpu.ReadCr3(), virtualAddress, out physical);
    }
}
