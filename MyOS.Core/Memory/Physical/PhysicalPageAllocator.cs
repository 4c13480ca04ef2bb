using MyOS.Core.Memory.Map;

namespace MyOS.Core.Memory.Physical
{
    /// <summary>
    /// A physical page allocator (seed: kan pmem.h): hands out runs of contiguous 4 KiB pages
    /// of usable RAM by physical address. Invariant for every implementation: only pages of
    /// usable RAM are ever free or handed out, page 0 never is (so address 0 means failure),
    /// and the allocator reads and writes only its own metadata, never the pages it manages.
    /// Every used page belongs to exactly one run: the pages from a run's first page up to
    /// the next run's first page or the next page not in use; each run has one PageOwner.
    /// The kernel picks an implementation (PageAllocator or the ByteMapPageAllocator
    /// baseline) and calls it through this class. Not thread-safe: callers serialise.
    /// </summary>
    public abstract unsafe class PhysicalPageAllocator
    {
        /// <summary>Entries an array needs to count pages by owner: every PageOwner value is below it.</summary>
        public const int OwnerCount = 8;

        /// <summary>
        /// The window through which <see cref="AllocateHhdm(ulong)"/> and <see cref="FreeHhdm"/> turn
        /// physical addresses into pointers and back: the kernel's direct map, native memory in host
        /// tests, or the identity where no page is touched (benchmarks).
        /// </summary>
        private readonly DirectMap _directMap;

        /// <summary>Stores the direct map shared by every implementation.</summary>
        protected PhysicalPageAllocator(DirectMap directMap)
        {
            _directMap = directMap;
        }

        // The counters every implementation keeps, set by its constructor and its operations.
        /// <summary>Pages in the managed range: page numbers 0 .. _totalPages - 1.</summary>
        protected ulong _totalPages;
        /// <summary>Usable pages in the managed range, fixed at construction.</summary>
        protected ulong _usablePages;
        /// <summary>Usable pages that are free now.</summary>
        protected ulong _freePages;

        /// <summary>Pages in the managed range: page numbers 0 .. TotalPages - 1, usable or not.</summary>
        public ulong TotalPages => _totalPages;

        /// <summary>Pages of usable RAM in the managed range (never page 0).</summary>
        public ulong UsablePages => _usablePages;

        /// <summary>Usable pages that are free now.</summary>
        public ulong FreePages => _freePages;

        /// <summary>Usable pages that are allocated now.</summary>
        public ulong UsedPages => UsablePages - FreePages;

        /// <summary>
        /// Allocates <paramref name="pages"/> contiguous free pages for kernel code that does not
        /// name itself (owner <see cref="PageOwner.Kernel"/>) and returns the physical address of
        /// the first (seed: pmalloc). See <see cref="Allocate(ulong, PageOwner)"/>.
        /// </summary>
        public ulong Allocate(ulong pages)
        {
            return Allocate(pages, PageOwner.Kernel);
        }

        /// <summary>
        /// Allocates <paramref name="pages"/> contiguous free pages as one run of
        /// <paramref name="owner"/> and returns the physical address of the first. Placement is
        /// lowest address first: the run that starts lowest in memory among all that fit.
        /// Returns 0 when no run fits or when <paramref name="pages"/> is 0.
        /// </summary>
        public abstract ulong Allocate(ulong pages, PageOwner owner);

        /// <summary>
        /// Marks <paramref name="pages"/> pages starting at physical <paramref name="address"/>
        /// free, whatever their current state (seed: pmfree). Pages that are not usable RAM
        /// (page 0, holes, reserved regions, beyond the managed range) are skipped: they never
        /// become free. An address that is not page aligned makes the whole call do nothing.
        /// A run cut by the range keeps its owner in the part that stays in use (the part after
        /// the range becomes a run of its own). Use <see cref="TryFree"/> to have mistakes reported instead.
        /// </summary>
        public abstract void Free(ulong address, ulong pages);

        /// <summary>The state of the page that holds physical <paramref name="address"/>.</summary>
        public abstract PageState QueryPage(ulong address);

        /// <summary>
        /// Length in pages of the longest run of free pages now: the largest request
        /// that <see cref="Allocate(ulong)"/> would satisfy.
        /// </summary>
        public abstract ulong LargestFreeRun();

        /// <summary>
        /// The run that holds <paramref name="usedPage"/>, which must be a used page: its first
        /// page, one past its last page, and its owner. Changes nothing.
        /// </summary>
        protected abstract PageOwner RunHolding(ulong usedPage, out ulong start, out ulong end);

        /// <summary>The lowest used page at or above <paramref name="page"/>, or TotalPages if there is none.</summary>
        protected abstract ulong NextUsedPage(ulong page);

        /// <summary>True when every page of [firstPage, firstPage + pages), inside the managed range, is free.</summary>
        protected abstract bool IsFreeRun(ulong firstPage, ulong pages);

        /// <summary>Takes the free pages [firstPage, firstPage + pages) as one run of <paramref name="owner"/>.</summary>
        protected abstract void TakeFreeRun(ulong firstPage, ulong pages, PageOwner owner);

        /// <summary>Like <see cref="Allocate(ulong)"/>, but returns the address as a pointer through the HHDM, or null (seed: pmalloc_hhdm).</summary>
        public byte* AllocateHhdm(ulong pages)
        {
            return AllocateHhdm(pages, PageOwner.Kernel);
        }

        /// <summary>Like <see cref="Allocate(ulong, PageOwner)"/>, but returns the address as a pointer through the HHDM, or null.</summary>
        public byte* AllocateHhdm(ulong pages, PageOwner owner)
        {
            PhysicalAddress address = new PhysicalAddress(Allocate(pages, owner));
            if (address.IsNull)
            {
                return null;
            }
            return _directMap.ToPointer(address);
        }

        /// <summary>
        /// Turns <paramref name="pointer"/> back into its physical address and calls <see cref="Free"/>
        /// (seed: pmfree_hhdm). A pointer outside the direct map's window (null, for one, when the
        /// base is not 0) cannot come from <see cref="AllocateHhdm(ulong)"/> and is ignored.
        /// </summary>
        public void FreeHhdm(byte* pointer, ulong pages)
        {
            PhysicalAddress address;
            if (!_directMap.TryToPhysical(pointer, out address))
            {
                return;
            }
            Free(address.Value, pages);
        }

        /// <summary>
        /// Allocate for <paramref name="owner"/> with a reason on failure: ZeroPages, TooLarge
        /// (more than all usable RAM) or OutOfMemory (no free run long enough now).
        /// <paramref name="address"/> is the physical address on Ok and 0 otherwise.
        /// </summary>
        public PageAllocateResult TryAllocate(ulong pages, PageOwner owner, out ulong address)
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
            address = Allocate(pages, owner);
            return address == 0 ? PageAllocateResult.OutOfMemory : PageAllocateResult.Ok;
        }

        /// <summary>
        /// The checked free: frees the range only if it is exactly one whole run that
        /// <paramref name="owner"/> allocated; otherwise refuses and changes nothing. The
        /// checks, in order: the arguments (ZeroPages, Unaligned, Overflow, OutOfRange), the
        /// page at the address (Reserved, AlreadyFree), the run holding it (NotOwner, InsideRun),
        /// then the range against the run's length (PartialRun when shorter; when longer,
        /// CrossesRun if the next page starts another run, else PastRunEnd). See
        /// <see cref="TryGetRun"/> to describe a refusal.
        /// </summary>
        public PageFreeResult TryFree(ulong address, ulong pages, PageOwner owner)
        {
            if (pages == 0)
            {
                return PageFreeResult.ZeroPages;
            }
            if (!PageMath.IsPageAligned(address))
            {
                return PageFreeResult.Unaligned;
            }
            // The run's end, address + pages * PageSize, must be representable; checked
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
            PageState state = QueryPage(address);
            if (state != PageState.Used)
            {
                return state == PageState.Free ? PageFreeResult.AlreadyFree : PageFreeResult.Reserved;
            }
            ulong start;
            ulong end;
            if (RunHolding(firstPage, out start, out end) != owner)
            {
                return PageFreeResult.NotOwner;
            }
            if (start != firstPage)
            {
                return PageFreeResult.InsideRun;
            }
            ulong length = end - firstPage;
            if (pages < length)
            {
                return PageFreeResult.PartialRun;
            }
            if (pages > length)
            {
                // end < TotalPages here: the range [firstPage, firstPage + pages) fits in it.
                return QueryPage(end << PageMath.PageShift) == PageState.Used ? PageFreeResult.CrossesRun : PageFreeResult.PastRunEnd;
            }
            Free(address, pages);
            return PageFreeResult.Ok;
        }

        /// <summary>
        /// The run that holds the page at physical <paramref name="address"/>: false (and an
        /// empty run) when that page is not in use (free, reserved or out of range).
        /// </summary>
        public bool TryGetRun(ulong address, out PageRun run)
        {
            if (QueryPage(address) != PageState.Used)
            {
                run = default(PageRun);
                return false;
            }
            run = RunOf(address >> PageMath.PageShift);
            return true;
        }

        /// <summary>Who owns the page at physical <paramref name="address"/>; None unless it is in use.</summary>
        public PageOwner OwnerOf(ulong address)
        {
            PageRun run;
            TryGetRun(address, out run);
            return run.Owner;
        }

        /// <summary>
        /// Takes the free pages [address, address + pages * PageSize) as one run of
        /// <paramref name="owner"/>: for memory whose place was chosen before the allocator
        /// existed (its own metadata). False, changing nothing, unless the address is page
        /// aligned, pages &gt;= 1, and every page is free usable RAM in the managed range.
        /// </summary>
        public bool Claim(ulong address, ulong pages, PageOwner owner)
        {
            if (pages == 0 || !PageMath.IsPageAligned(address))
            {
                return false;
            }
            ulong firstPage = address >> PageMath.PageShift;
            if (firstPage >= TotalPages || pages > TotalPages - firstPage || !IsFreeRun(firstPage, pages))
            {
                return false;
            }
            TakeFreeRun(firstPage, pages, owner);
            return true;
        }

        /// <summary>
        /// The run holding the page at physical <paramref name="address"/> if that page is in
        /// use, else the lowest run above it; false when there is none. Walk every run with
        /// <c>NextRun(run.Address + run.Pages * PageSize, out run)</c>.
        /// </summary>
        public bool NextRun(ulong address, out PageRun run)
        {
            ulong page = address >> PageMath.PageShift;
            page = page < TotalPages ? NextUsedPage(page) : TotalPages;
            if (page >= TotalPages)
            {
                run = default(PageRun);
                return false;
            }
            run = RunOf(page);
            return true;
        }

        /// <summary>The run holding used page <paramref name="usedPage"/>, as a PageRun.</summary>
        private PageRun RunOf(ulong usedPage)
        {
            ulong start;
            ulong end;
            PageRun run;
            run.Owner = RunHolding(usedPage, out start, out end);
            run.Address = start << PageMath.PageShift;
            run.Pages = end - start;
            return run;
        }

        /// <summary>
        /// Adds the used pages of each owner to <paramref name="pagesByOwner"/>[(int)owner] and,
        /// if <paramref name="lowestRunByOwner"/> is not null, stores there the address of each
        /// owner's lowest run (0 for none). Arrays need <see cref="OwnerCount"/> entries (shorter:
        /// nothing is done). One pass over the runs: for meminfo and tests, not for hot paths.
        /// </summary>
        public void CountPagesByOwner(ulong[] pagesByOwner, ulong[] lowestRunByOwner)
        {
            if (pagesByOwner == null || pagesByOwner.Length < OwnerCount
                || (lowestRunByOwner != null && lowestRunByOwner.Length < OwnerCount))
            {
                return;
            }
            PageRun run;
            for (bool found = NextRun(0, out run); found; found = NextRun(run.Address + (run.Pages << PageMath.PageShift), out run))
            {
                int owner = (int)run.Owner & (OwnerCount - 1);
                if (lowestRunByOwner != null && pagesByOwner[owner] == 0)
                {
                    lowestRunByOwner[owner] = run.Address;
                }
                pagesByOwner[owner] += run.Pages;
            }
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
        public static ulong UsableLimit(MemoryRange[] regions, int count)
        {
            ulong limitPage = 0;
            int n = ClampCount(regions, count);
            for (int i = 0; i < n; i++)
            {
                if (regions[i].Kind != MemoryKind.Usable)
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
        protected static void InnerPages(MemoryRange region, out ulong first, out ulong end)
        {
            ulong endAddress = SaturatingEnd(region);
            first = PageMath.GetPageCount(region.Base);
            end = endAddress >> PageMath.PageShift;
        }

        /// <summary>
        /// Every page a region touches, [first, end) in page numbers. Non-usable regions are
        /// grown to whole pages, so a page that is even partly reserved is reserved.
        /// </summary>
        protected static void OuterPages(MemoryRange region, out ulong first, out ulong end)
        {
            ulong endAddress = SaturatingEnd(region);
            first = region.Base >> PageMath.PageShift;
            end = PageMath.GetPageCount(endAddress);
        }

        /// <summary>How many entries of <paramref name="regions"/> to read: count, clamped to the array.</summary>
        protected static int ClampCount(MemoryRange[] regions, int count)
        {
            if (regions == null || count < 0)
            {
                return 0;
            }
            return count < regions.Length ? count : regions.Length;
        }

        /// <summary>Base + Length, or ulong.MaxValue when that sum would wrap.</summary>
        private static ulong SaturatingEnd(MemoryRange region)
        {
            ulong end = region.Base + region.Length;
            return end < region.Base ? ulong.MaxValue : end;
        }
    }
}
