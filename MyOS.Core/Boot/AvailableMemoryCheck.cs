namespace MyOS.Core.Boot
{
    /// <summary>
    /// Checks a range of physical memory against the multiboot2 memory map: every byte of it
    /// must lie in an entry of type Available. The kernel uses it at boot for its own image
    /// (GRUB must not have loaded it over firmware memory) and to cross-check the EFI memory map.
    /// Pure over the parsed map, so host tests run it on synthetic maps.
    /// </summary>
    public static class AvailableMemoryCheck
    {
        /// <summary>
        /// The first stretch of [start, end) that no Available entry covers, with the type of the
        /// entry that covers its first byte (or Hole); an empty MemoryOverlap when all is available.
        /// </summary>
        public static MemoryOverlap FirstUnavailable(Multiboot2Info info, ulong start, ulong end)
        {
            ulong position = start;
            while (position < end)
            {
                ulong availableEnd = AvailableEndAt(info, position);
                if (availableEnd > position)
                {
                    position = availableEnd;
                    continue;
                }
                // Not available here: report up to where it becomes available again (or end).
                MemoryOverlap overlap = default(MemoryOverlap);
                overlap.Start = position;
                overlap.Type = TypeAt(info, position);
                ulong next = NextAvailableStart(info, position);
                overlap.End = next < end ? next : end;
                return overlap;
            }
            return default(MemoryOverlap);
        }

        /// <summary>
        /// Cross-checks the EFI memory map against the multiboot2 map: every descriptor the EFI map
        /// calls free after boot must be Available in GRUB's map, and every byte GRUB calls
        /// Available must be free in the EFI map. Returns the first disagreement (Type is the EFI
        /// type for the first kind, the multiboot2 type for the second); empty when they agree or
        /// there is no EFI map.
        /// </summary>
        public static MemoryOverlap FirstEfiDisagreement(Multiboot2Info info)
        {
            for (int i = 0; i < info.EfiMemoryDescriptorCount; i++)
            {
                EfiMemoryDescriptor d = info.GetEfiMemoryDescriptor(i);
                if (!EfiMemoryType.IsAvailableAfterBoot(d.Type) || d.PageCount == 0 || d.PageCount > ulong.MaxValue / EfiMemoryDescriptor.PageSize)
                    continue;
                MemoryOverlap overlap = FirstUnavailable(info, d.PhysicalStart, d.PhysicalStart + d.Length);
                if (overlap.Exists)
                    return overlap;
            }
            if (!info.HasEfiMemoryMap)
                return default(MemoryOverlap);
            for (int i = 0; i < info.MemoryEntryCount; i++)
            {
                Multiboot2MemoryEntry entry = info.GetMemoryEntry(i);
                if (entry.Type != Multiboot2MemoryType.Available)
                    continue;
                for (ulong position = entry.Base; position < entry.Base + entry.Length;)
                {
                    int free = EfiFreeDescriptorAt(info, position);
                    if (free < 0)
                    {
                        MemoryOverlap overlap = default(MemoryOverlap);
                        overlap.Start = position;
                        overlap.End = position + EfiMemoryDescriptor.PageSize;
                        overlap.Type = entry.Type;
                        return overlap;
                    }
                    EfiMemoryDescriptor d = info.GetEfiMemoryDescriptor(free);
                    position = d.PhysicalStart + d.Length;
                }
            }
            return default(MemoryOverlap);
        }

        /// <summary>Index of an EFI descriptor free after boot that holds address, or -1.</summary>
        private static int EfiFreeDescriptorAt(Multiboot2Info info, ulong address)
        {
            for (int i = 0; i < info.EfiMemoryDescriptorCount; i++)
            {
                EfiMemoryDescriptor d = info.GetEfiMemoryDescriptor(i);
                if (EfiMemoryType.IsAvailableAfterBoot(d.Type) && d.PageCount <= ulong.MaxValue / EfiMemoryDescriptor.PageSize
                    && address >= d.PhysicalStart && address - d.PhysicalStart < d.Length)
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>End of the Available entry holding address (the furthest, if several), or address itself if none.</summary>
        private static ulong AvailableEndAt(Multiboot2Info info, ulong address)
        {
            ulong best = address;
            for (int i = 0; i < info.MemoryEntryCount; i++)
            {
                Multiboot2MemoryEntry e = info.GetMemoryEntry(i);
                if (e.Type == Multiboot2MemoryType.Available && address >= e.Base && address - e.Base < e.Length && e.Base + e.Length > best)
                    best = e.Base + e.Length;
            }
            return best;
        }

        /// <summary>Lowest start of an Available entry above address; ulong.MaxValue if none.</summary>
        private static ulong NextAvailableStart(Multiboot2Info info, ulong address)
        {
            ulong best = ulong.MaxValue;
            for (int i = 0; i < info.MemoryEntryCount; i++)
            {
                Multiboot2MemoryEntry e = info.GetMemoryEntry(i);
                if (e.Type == Multiboot2MemoryType.Available && e.Length > 0 && e.Base > address && e.Base < best)
                    best = e.Base;
            }
            return best;
        }

        /// <summary>Raw type of a non-Available entry holding address, or MemoryOverlap.Hole.</summary>
        private static uint TypeAt(Multiboot2Info info, ulong address)
        {
            for (int i = 0; i < info.MemoryEntryCount; i++)
            {
                Multiboot2MemoryEntry e = info.GetMemoryEntry(i);
                if (e.Type != Multiboot2MemoryType.Available && address >= e.Base && address - e.Base < e.Length)
                    return e.Type;
            }
            return MemoryOverlap.Hole;
        }
    }
}
