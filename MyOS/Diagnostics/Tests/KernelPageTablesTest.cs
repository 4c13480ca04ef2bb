using MyOS.Core;
using MyOS.Core.Arch.X64.Hardware;
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
    /// direct map (virtual = HhdmBase + physical, and above 4 GiB only RAM, ACPI tables, kernel
    /// memory or the framebuffer) or in the kernel window (virtual = KernelBase + physical, and
    /// only pages of the kernel image); the first 4 GiB are mapped whole, each such region above
    /// it is reached, and this test's own static data translates into the kernel image.
    /// </summary>
    public sealed unsafe class KernelPageTablesTest : KernelTest
    {
        private const ulong Present = 1, LargePage = 0x80;
        private const ulong TableAddressMask = 0x000FFFFFFFFFF000;
        private const ulong FourGiB = 1UL << 32;

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
            ulong root = Cpu.ReadCr3() & TableAddressMask;
            WalkTable(root, 4, 0);
            if (Failed)
                return;

            Check(_tablePages == KernelMemory.PageTablePages,
                "the walk found " + Format.Decimal(_tablePages) + " table pages, KernelMemory built " + Format.Decimal(KernelMemory.PageTablePages));
            Check(_directBytesBelowFourGiB == FourGiB,
                "the direct map covers " + Format.Hex(_directBytesBelowFourGiB) + " bytes below 4 GiB, not all of it");
            Check(_kernelWindowBytes > 0, "nothing is mapped in the kernel window");
            CheckRegionsAboveFourGiBReached();

            ulong marker;
            fixed (ulong* address = &s_marker)
                marker = (ulong)address;
            ulong physical = Translate(marker);
            Check(physical == marker - AddressSpace.KernelBase,
                "this test's static data at " + Format.Hex(marker) + " translates to " + Format.Hex(physical) + ", not to its image address");
            Check(*(ulong*)(AddressSpace.HhdmBase + physical) == s_marker,
                "the static data read through the direct map differs from the data read through the kernel window");
        }

        /// <summary>Checks the table at <paramref name="table"/> (level 4 = PML4 .. 1 = PT) that maps from <paramref name="virtualBase"/>, and below it.</summary>
        private void WalkTable(ulong table, int level, ulong virtualBase)
        {
            _tablePages++;
            PageOwner owner = KernelMemory.Pages.OwnerOf(table);
            if (!Check(owner == PageOwner.PageTables,
                    "table page " + Format.Hex(table) + " (level " + Format.Decimal((ulong)level) + ") is not a run of the page-table owner"))
            {
                return;
            }

            ulong* entries = (ulong*)(AddressSpace.HhdmBase + table);
            int shift = 12 + 9 * (level - 1);
            for (int i = 0; i < 512 && !Failed; i++)
            {
                ulong entry = entries[i];
                if ((entry & Present) == 0)
                    continue;
                ulong virtualAddress = virtualBase + ((ulong)i << shift);
                if (level == 4)
                {
                    if (!Check(i >= 256, "PML4 entry " + Format.Decimal((ulong)i) + " maps the lower half (null pointers would not fault)"))
                        return;
                    virtualAddress |= 0xFFFF000000000000; // canonical form of the upper half
                }
                if (level == 1 || (level <= 3 && (entry & LargePage) != 0))
                {
                    ulong size = 1UL << shift;
                    CheckMapping(virtualAddress, entry & TableAddressMask & ~(size - 1), size);
                }
                else
                {
                    WalkTable(entry & TableAddressMask, level - 1, virtualAddress);
                }
            }
        }

        /// <summary>One leaf mapping: [virtualAddress, + size) to [physical, + size).</summary>
        private void CheckMapping(ulong virtualAddress, ulong physical, ulong size)
        {
            if (virtualAddress >= AddressSpace.KernelBase)
            {
                if (!Check(virtualAddress - AddressSpace.KernelBase == physical,
                        "kernel window " + Format.Hex(virtualAddress) + " maps " + Format.Hex(physical) + ", not KernelBase + physical"))
                {
                    return;
                }

                for (ulong page = physical; page < physical + size; page += PageMath.PageSize)
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
            if (!Check(virtualAddress >= AddressSpace.HhdmBase && virtualAddress - AddressSpace.HhdmBase == physical,
                    Format.Hex(virtualAddress) + " maps " + Format.Hex(physical) + ": neither the direct map nor the kernel window"))
            {
                return;
            }

            if (physical + size <= FourGiB)
            {
                _directBytesBelowFourGiB += size;
                return;
            }
            Check(InDirectMappedRegion(physical) && InDirectMappedRegion(physical + size - 1),
                "the direct map reaches " + Format.Hex(physical) + " above 4 GiB, which the memory map does not give as RAM, ACPI, kernel or framebuffer");
        }

        /// <summary>Whether the memory map puts <paramref name="physical"/> in a kind of region the direct map covers above 4 GiB.</summary>
        private static bool InDirectMappedRegion(ulong physical)
        {
            MemoryMap map = KernelBoot.MemoryMap;
            for (int i = 0; i < map.Count; i++)
            {
                MemoryRange region = map[i];
                // Regions are mapped rounded out to whole pages.
                ulong start = region.Base & ~(PageMath.PageSize - 1);
                ulong end = (region.End + PageMath.PageSize - 1) & ~(PageMath.PageSize - 1);
                if (physical >= start && physical < end && IsDirectMappedKind(region.Kind))
                    return true;
            }
            return false;
        }

        private static bool IsDirectMappedKind(MemoryKind kind) =>
            kind == MemoryKind.Usable || kind == MemoryKind.AcpiReclaimable || kind == MemoryKind.Kernel || kind == MemoryKind.Framebuffer;

        /// <summary>The first and last page of every region above 4 GiB that the direct map must cover translate to themselves.</summary>
        private void CheckRegionsAboveFourGiBReached()
        {
            MemoryMap map = KernelBoot.MemoryMap;
            for (int i = 0; i < map.Count && !Failed; i++)
            {
                MemoryRange region = map[i];
                if (region.End <= FourGiB || !IsDirectMappedKind(region.Kind) || region.Length < PageMath.PageSize)
                    continue;
                ulong first = region.Base < FourGiB ? FourGiB : region.Base & ~(PageMath.PageSize - 1);
                ulong last = (region.End - 1) & ~(PageMath.PageSize - 1);
                Check(Translate(AddressSpace.HhdmBase + first) == first && Translate(AddressSpace.HhdmBase + last) == last,
                    "the region " + Format.Hex(region.Base) + "-" + Format.Hex(region.End - 1) + " above 4 GiB is not in the direct map");
            }
        }

        /// <summary>The physical address <paramref name="virtualAddress"/> translates to, or ulong.MaxValue when it is not mapped.</summary>
        private static ulong Translate(ulong virtualAddress)
        {
            ulong table = Cpu.ReadCr3() & TableAddressMask;
            for (int level = 4; level >= 1; level--)
            {
                int shift = 12 + 9 * (level - 1);
                ulong entry = ((ulong*)(AddressSpace.HhdmBase + table))[(virtualAddress >> shift) & 511];
                if ((entry & Present) == 0)
                    return ulong.MaxValue;
                if (level == 1 || (level <= 3 && (entry & LargePage) != 0))
                {
                    ulong size = 1UL << shift;
                    return (entry & TableAddressMask & ~(size - 1)) + (virtualAddress & (size - 1));
                }
                table = entry & TableAddressMask;
            }
            return ulong.MaxValue;
        }
    }
}
