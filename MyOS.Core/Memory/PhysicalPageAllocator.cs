namespace MyOS.Core.Memory
{
    /// <summary>
    /// A physical page allocator (seed: kan pmem.h): hands out runs of contiguous 4 KiB pages
    /// of usable RAM by physical address. Invariant for every implementation: only pages of
    /// usable RAM are ever free or handed out, page 0 never is (so address 0 means failure),
    /// and the allocator reads and writes only its own metadata, never the pages it manages.
    /// The kernel picks an implementation (PageAllocator or the ByteMapPageAllocator
    /// baseline) and calls it through this class. Not thread-safe: callers serialise.
    /// </summary>
    public abstract unsafe class PhysicalPageAllocator
    {
        /// <summary>Virtual address at which physical address 0 is mapped (the HHDM base); 0 on an identity map.</summary>
        private readonly ulong hhdmOffset;

        /// <summary>Stores the HHDM offset shared by every implementation.</summary>
        protected PhysicalPageAllocator(ulong hhdmOffset)
        {
            this.hhdmOffset = hhdmOffset;
        }

        /// <summary>Virtual address at which physical address 0 is mapped (the HHDM base).</summary>
        public ulong HhdmOffset => hhdmOffset;

        /// <summary>Pages in the managed range: page numbers 0 .. TotalPages - 1, usable or not.</summary>
        public abstract ulong TotalPages { get; }

        /// <summary>Pages of usable RAM in the managed range (never page 0).</summary>
        public abstract ulong UsablePages { get; }

        /// <summary>Usable pages that are free now.</summary>
        public abstract ulong FreePages { get; }

        /// <summary>Usable pages that are allocated now.</summary>
        public ulong UsedPages => UsablePages - FreePages;

        /// <summary>
        /// Allocates <paramref name="pages"/> contiguous free pages and returns the physical
        /// address of the first (seed: pmalloc). Placement is lowest address first: the run
        /// that starts lowest in memory among all that fit. Returns 0 when no run fits or
        /// when <paramref name="pages"/> is 0.
        /// </summary>
        public abstract ulong Allocate(ulong pages);

        /// <summary>
        /// Marks <paramref name="pages"/> pages starting at physical <paramref name="address"/>
        /// free, whatever their current state (seed: pmfree). Pages that are not usable RAM
        /// (page 0, holes, reserved regions, beyond the managed range) are skipped: they never
        /// become free. An address that is not page aligned makes the whole call do nothing.
        /// Use <see cref="TryFree"/> to have such mistakes reported instead.
        /// </summary>
        public abstract void Free(ulong address, ulong pages);

        /// <summary>The state of the page that holds physical <paramref name="address"/>.</summary>
        public abstract PageState QueryPage(ulong address);

        /// <summary>
        /// Length in pages of the longest run of free pages now: the largest request
        /// that <see cref="Allocate"/> would satisfy.
        /// </summary>
        public abstract ulong LargestFreeRun();

        /// <summary>
        /// Checks a run that already passed the argument checks of <see cref="TryFree"/>
        /// (pages &gt;= 1, inside the managed range): Reserved if any page is not usable RAM,
        /// else AlreadyFree if any page is free, else Ok. Changes nothing.
        /// </summary>
        protected abstract PageFreeResult CheckUsedRun(ulong firstPage, ulong pages);

        /// <summary>Like <see cref="Allocate"/>, but returns the address as a pointer through the HHDM, or null (seed: pmalloc_hhdm).</summary>
        public byte* AllocateHhdm(ulong pages)
        {
            ulong address = Allocate(pages);
            if (address == 0)
            {
                return null;
            }
            return (byte*)(address + hhdmOffset);
        }

        /// <summary>
        /// Subtracts the HHDM offset from <paramref name="pointer"/> and calls <see cref="Free"/>
        /// (seed: pmfree_hhdm). A pointer below the HHDM base (including null when the offset
        /// is not 0) cannot be an HHDM pointer and is ignored.
        /// </summary>
        public void FreeHhdm(byte* pointer, ulong pages)
        {
            ulong virtualAddress = (ulong)pointer;
            if (virtualAddress < hhdmOffset)
            {
                return;
            }
            Free(virtualAddress - hhdmOffset, pages);
        }

        /// <summary>
        /// Allocate with a reason on failure: ZeroPages, TooLarge (more than all usable RAM)
        /// or OutOfMemory (no free run long enough now). <paramref name="address"/> is the
        /// physical address on Ok and 0 otherwise.
        /// </summary>
        public PageAllocateResult TryAllocate(ulong pages, out ulong address)
        {
            address = 0;
            if (pages == 0)
            {
                return PageAllocateResult.ZeroPages;
            }
            if (pages > UsablePages)
            {
                return PageAllocateResult.TooLarge;
            }
            address = Allocate(pages);
            return address == 0 ? PageAllocateResult.OutOfMemory : PageAllocateResult.Ok;
        }

        /// <summary>
        /// Free with every check the shell needs: refuses (and changes nothing) unless the
        /// run is page aligned, non-empty, inside the managed range, entirely usable RAM and
        /// entirely allocated. See <see cref="PageFreeResult"/> for the order of the checks.
        /// </summary>
        public PageFreeResult TryFree(ulong address, ulong pages)
        {
            if (pages == 0)
            {
                return PageFreeResult.ZeroPages;
            }
            if (!PageMath.IsPageAligned(address))
            {
                return PageFreeResult.Unaligned;
            }
            // The run's end, address + pages * PAGE_SIZE, must be representable; checked
            // by division so that the check itself cannot wrap.
            if (pages > (ulong.MaxValue - address) >> PageMath.PageShift)
            {
                return PageFreeResult.Overflow;
            }
            ulong firstPage = address >> PageMath.PageShift;
            if (firstPage >= TotalPages || pages > TotalPages - firstPage)
            {
                return PageFreeResult.OutOfRange;
            }
            PageFreeResult result = CheckUsedRun(firstPage, pages);
            if (result != PageFreeResult.Ok)
            {
                return result;
            }
            Free(address, pages);
            return PageFreeResult.Ok;
        }

        /// <summary>All counters at once, including the largest free run.</summary>
        public PageAllocatorStats GetStats()
        {
            PageAllocatorStats stats;
            stats.TotalPages = TotalPages;
            stats.UsablePages = UsablePages;
            stats.FreePages = FreePages;
            stats.UsedPages = UsablePages - FreePages;
            stats.LargestFreeRun = LargestFreeRun();
            return stats;
        }

        /// <summary>
        /// One past the last whole usable page in the map: the highest physical address an
        /// allocator built from these regions needs to cover. 0 when no region holds a whole
        /// usable page. Feed it to an implementation's MetadataBytesFor.
        /// </summary>
        public static ulong UsableLimit(PhysicalRegion[] regions, int count)
        {
            ulong limitPage = 0;
            int n = ClampCount(regions, count);
            for (int i = 0; i < n; i++)
            {
                if (regions[i].Kind != RegionKind.Usable)
                {
                    continue;
                }
                ulong first;
                ulong end;
                InnerPages(regions[i], out first, out end);
                if (first < end && end > limitPage)
                {
                    limitPage = end;
                }
            }
            return limitPage << PageMath.PageShift;
        }

        /// <summary>
        /// The whole pages inside a region, [first, end) in page numbers. Usable regions are
        /// shrunk to whole pages (a partial page may share its frame with something else).
        /// </summary>
        protected static void InnerPages(PhysicalRegion region, out ulong first, out ulong end)
        {
            ulong endAddress = SaturatingEnd(region);
            first = PageMath.GetPageCount(region.Base);
            end = endAddress >> PageMath.PageShift;
        }

        /// <summary>
        /// Every page a region touches, [first, end) in page numbers. Non-usable regions are
        /// grown to whole pages, so a page that is even partly reserved is reserved.
        /// </summary>
        protected static void OuterPages(PhysicalRegion region, out ulong first, out ulong end)
        {
            ulong endAddress = SaturatingEnd(region);
            first = region.Base >> PageMath.PageShift;
            end = PageMath.GetPageCount(endAddress);
        }

        /// <summary>How many entries of <paramref name="regions"/> to read: count, clamped to the array.</summary>
        protected static int ClampCount(PhysicalRegion[] regions, int count)
        {
            if (regions == null || count < 0)
            {
                return 0;
            }
            return count < regions.Length ? count : regions.Length;
        }

        /// <summary>Base + Length, or ulong.MaxValue when that sum would wrap.</summary>
        private static ulong SaturatingEnd(PhysicalRegion region)
        {
            ulong end = region.Base + region.Length;
            return end < region.Base ? ulong.MaxValue : end;
        }
    }
}
