using System.Collections.Generic;
using System.Linq;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// Checks the memory the kernel reports against the RAM the VM was given, at three levels:
    /// GRUB's view (the banner), the kernel's memory map (`memmap`) and the page allocator
    /// (`meminfo`). Each level must account for all the RAM of the level before it, less only the
    /// firmware's known holes, so a region dropped anywhere (say, all RAM above 4 GiB) is found.
    /// </summary>
    public static class MemoryReportCheck
    {
        private const ulong KiB = 1UL << 10;
        private const ulong MiB = 1UL << 20;
        private const ulong PageSize = 4096;

        /// <summary>
        /// RAM the firmware may keep at the top of the low block (QEMU's SeaBIOS takes 128 KiB,
        /// Bochs's BIOS 64 KiB for ACPI tables), with room to spare: far less than any real region.
        /// </summary>
        public const ulong TopOfLowRamAllowance = 1 * MiB;

        /// <summary>Conventional memory every PC BIOS leaves usable below 640 KiB (less its data areas).</summary>
        public const ulong MinimumConventionalMemory = 512 * KiB;

        /// <summary>
        /// RAM the kernel may lose against GRUB's map by keeping whole pages only (GRUB's entries
        /// need not be page-aligned, e.g. conventional memory ends at 0x9FC00), and page 0.
        /// </summary>
        public const ulong PageClippingAllowance = 64 * KiB;

        /// <summary>Every disagreement found, as a sentence with the numbers; empty when all is consistent.</summary>
        public static IReadOnlyList<string> Check(GuestMemoryLayout layout, BannerMemory banner, MemoryMapListing map, MemInfoReport info)
        {
            var problems = new List<string>();
            CheckGrub(layout, banner, problems);
            CheckMapItself(map, problems);
            CheckMapAgainstLayout(layout, map, problems);
            CheckMapAgainstGrub(banner, map, problems);
            CheckAllocatorAgainstMap(map, info, problems);
            return problems;
        }

        /// <summary>One line for people: what each level reports.</summary>
        public static string Describe(GuestMemoryLayout layout, BannerMemory banner, MemoryMapListing map, MemInfoReport info)
        {
            ulong above = map.BytesOf(MemoryMapListing.RamKinds, GuestMemoryLayout.FourGiB);
            return $"given {layout.GivenBytes / MiB} MiB ({layout}); GRUB: {banner.UsableMiB} MiB usable " +
                   $"(mem_lower {banner.MemLowerKiB} KiB, mem_upper {banner.MemUpperKiB} KiB); memmap: {Size(map.UsableBytes)} usable + " +
                   $"{Size(map.BytesOf("kernel"))} kernel, {Size(above)} of it from 4 GiB; page allocator: {info.UsablePages} usable pages " +
                   $"({Size(info.UsablePages * PageSize)}) of {info.TotalPages}, {info.FreePages} free";
        }

        // GRUB's totals lie between the given RAM less the firmware's holes and the given RAM.
        private static void CheckGrub(GuestMemoryLayout layout, BannerMemory banner, List<string> problems)
        {
            ulong givenMiB = layout.GivenBytes / MiB;
            ulong lowestMiB = (layout.GivenBytes - MiB - layout.FirmwareAllowance) / MiB; // 1 MiB: the hole below 1 MiB, at most
            if (banner.UsableMiB > givenMiB || banner.UsableMiB < lowestMiB)
                problems.Add($"GRUB reports {banner.UsableMiB} MiB usable; the VM was given {givenMiB} MiB, so {lowestMiB} to {givenMiB} MiB was expected");
            if (banner.MemLowerKiB * KiB < MinimumConventionalMemory || banner.MemLowerKiB > 640)
                problems.Add($"GRUB's mem_lower is {banner.MemLowerKiB} KiB; {MinimumConventionalMemory / KiB} to 640 KiB was expected");
            // mem_upper counts from 1 MiB to the first hole; under OVMF that hole is early (ACPI NVS at 8 MiB).
            ulong upperEnd = MiB + banner.MemUpperKiB * KiB;
            if (upperEnd > layout.BelowFourGiB || layout.Firmware == Firmware.Bios && upperEnd < layout.BelowFourGiB - TopOfLowRamAllowance)
            {
                problems.Add($"GRUB's mem_upper ({banner.MemUpperKiB} KiB) puts the end of low RAM at {Size(upperEnd)}; " +
                             $"the low block ends at {Size(layout.BelowFourGiB)}, less at most {Size(TopOfLowRamAllowance)} of firmware data");
            }
        }

        // The listing is sorted, regions do not overlap, and its total lines add up.
        private static void CheckMapItself(MemoryMapListing map, List<string> problems)
        {
            for (int i = 1; i < map.Regions.Count; i++)
            {
                if (map.Regions[i].Base < map.Regions[i - 1].End)
                    problems.Add($"memmap regions overlap or are out of order: {map.Regions[i - 1]} then {map.Regions[i]}");
            }

            ulong usable = map.BytesOf("usable");
            if (usable != map.UsableBytes)
                problems.Add($"memmap's usable regions add up to {usable} bytes, but its last line says {map.UsableBytes}");
            ulong reserved = map.BytesOf("reserved") + map.BytesOf("framebuffer");   // both are not RAM
            ulong ram = map.Regions.Aggregate(0UL, (sum, region) => sum + region.Length) - reserved;
            if (ram != map.RamBytes || reserved != map.ReservedBytes)
            {
                problems.Add($"memmap's regions add up to {ram} bytes of RAM and {reserved} reserved, " +
                             $"but its last line says {map.RamBytes} RAM and {map.ReservedBytes} reserved");
            }
        }

        // All RAM the kernel keeps lies in the VM's RAM, and each block of RAM is there, less the known holes.
        private static void CheckMapAgainstLayout(GuestMemoryLayout layout, MemoryMapListing map, List<string> problems)
        {
            string[] ram = MemoryMapListing.RamKinds;
            ulong inRam = map.BytesOf(ram, 0, layout.BelowFourGiB) +
                          map.BytesOf(ram, GuestMemoryLayout.FourGiB, GuestMemoryLayout.FourGiB + layout.AboveFourGiB);
            ulong outside = map.BytesOf(ram) - inRam;
            if (outside > 0)
                problems.Add($"memmap has {outside} bytes of usable or kernel memory where the VM has no RAM ({layout})");
            if (map.RamBytes > layout.GivenBytes)
                problems.Add($"memmap's last line counts {map.RamBytes} bytes as RAM, more than the {layout.GivenBytes} the VM was given");

            ulong conventional = map.BytesOf("usable", 0, MiB);
            if (conventional < MinimumConventionalMemory)
                problems.Add($"memmap has {Size(conventional)} usable below 1 MiB; at least {Size(MinimumConventionalMemory)} was expected");

            ulong low = map.BytesOf(ram, MiB, layout.BelowFourGiB);
            ulong lowExpected = layout.BelowFourGiB - MiB - layout.FirmwareAllowance;
            if (low < lowExpected)
            {
                problems.Add($"memmap has {Size(low)} usable or kernel memory from 1 MiB to {Size(layout.BelowFourGiB)}; " +
                             $"at least {Size(lowExpected)} was expected");
            }

            ulong high = map.BytesOf(ram, GuestMemoryLayout.FourGiB);
            if (layout.AboveFourGiB > 0 && high < layout.AboveFourGiB - layout.FirmwareAllowance)
                problems.Add($"memmap has {Size(high)} usable or kernel memory from 4 GiB, but the VM has {Size(layout.AboveFourGiB)} of RAM there");
        }

        // The kernel keeps all of GRUB's usable RAM (whole pages of it), as usable or as its own.
        private static void CheckMapAgainstGrub(BannerMemory banner, MemoryMapListing map, List<string> problems)
        {
            ulong kept = map.BytesOf(MemoryMapListing.RamKinds);
            ulong grubLowest = banner.UsableMiB * MiB, grubBeyond = (banner.UsableMiB + 1) * MiB; // the banner rounds down
            if (kept >= grubBeyond || kept + PageClippingAllowance < grubLowest)
                problems.Add($"memmap keeps {kept} bytes ({Size(kept)}) as usable or kernel memory, but GRUB reported {banner.UsableMiB} MiB usable");
        }

        // The page allocator manages exactly memmap's usable pages, over the range up to the highest of them.
        private static void CheckAllocatorAgainstMap(MemoryMapListing map, MemInfoReport info, List<string> problems)
        {
            if (info.UsablePages * PageSize != map.UsableBytes)
            {
                problems.Add($"the page allocator has {info.UsablePages} usable pages ({info.UsablePages * PageSize} bytes), " +
                             $"but memmap has {map.UsableBytes} usable bytes ({map.UsableBytes / PageSize} pages)");
            }

            if (info.TotalPages * PageSize != map.HighestUsableEnd)
            {
                problems.Add($"the page allocator manages {info.TotalPages} pages (up to {Size(info.TotalPages * PageSize)}), " +
                             $"but memmap's highest usable region ends at {Size(map.HighestUsableEnd)}");
            }

            if (info.FreePages > info.UsablePages || info.LargestFreeRun > info.FreePages)
                problems.Add($"meminfo's page counts are inconsistent: {info.UsablePages} usable, {info.FreePages} free, largest free run {info.LargestFreeRun}");
            if (info.PagesByOwner.Count > 0)
            {
                // Every used page belongs to one run of one owner; the heap's pages are its regions.
                ulong owned = info.PagesByOwner.Values.Aggregate(0UL, (sum, pages) => sum + pages);
                if (owned != info.UsedPages)
                    problems.Add($"meminfo's pages by owner add up to {owned}, but {info.UsedPages} pages are used");
                if (info.PagesByOwner.TryGetValue("heap", out ulong heapPages) && heapPages * PageSize != info.HeapBytes)
                    problems.Add($"meminfo gives the heap {heapPages} pages ({heapPages * PageSize} bytes), but its heap size is {info.HeapBytes} bytes");
            }
        }

        private static string Size(ulong bytes) =>
            bytes % MiB == 0 ? $"{bytes / MiB} MiB" : bytes % KiB == 0 ? $"{bytes / KiB} KiB" : $"{bytes} bytes";
    }
}
