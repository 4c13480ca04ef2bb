using MyOS.Core.Memory.Map;

namespace MyOS.Core.Memory.Physical
{
    /// <summary>
    /// MyOS's physical page allocator: a bitmap with a per-group summary (see PageBitmap).
    /// Single pages come in near-constant time and n-page runs skip full and empty memory a
    /// group or 64 groups at a time. Invariant: freePages equals the set bits of the bitmap,
    /// no group below searchHint has a free page, and runHints holds (see RunHints: no run of
    /// L free pages starts below its hint for class L). Placement: lowest address that fits.
    /// Every run handed out has its first page marked and its owner recorded (PageBitmap).
    /// </summary>
    public sealed unsafe partial class PageAllocator : PhysicalPageAllocator
    {
        /// <summary>The bitmap and its summary, laid out in the caller's metadata buffer.</summary>
        private PageBitmap _bitmap;
        /// <summary>A group number at or below the lowest group with a free page; searches start here.</summary>
        private ulong _searchHint;
        /// <summary>Per run-length class, a page below which no run of that length starts; searches for n &gt;= 2 pages start there.</summary>
        private RunHints _runHints;

        /// <summary>
        /// Builds the allocator over the first <paramref name="count"/> entries of
        /// <paramref name="regions"/>. Whole pages of Usable regions start free; pages touched
        /// by any other kind are reserved even where a Usable region overlaps them; page 0
        /// and every page no region covers are reserved. The managed range ends at
        /// <see cref="PhysicalPageAllocator.UsableLimit"/>, cut short if
        /// <paramref name="metadataBytes"/> is less than <see cref="MetadataBytesFor"/> of it.
        /// The allocator keeps <paramref name="metadata"/> for its lifetime and touches no other memory.
        /// </summary>
        public PageAllocator(MemoryRange[] regions, int count, byte* metadata, ulong metadataBytes, DirectMap directMap)
            : base(directMap)
        {
            ulong limitPages = UsableLimit(regions, count) >> PageMath.PageShift;
            ulong groups = GroupsFor(limitPages);
            if (metadata == null || PageBitmap.BytesFor(groups) > metadataBytes)
            {
                groups = metadata == null ? 0 : PageBitmap.GroupsFitting(metadataBytes);
                if (limitPages > groups << PageBitmap.GroupShift)
                {
                    limitPages = groups << PageBitmap.GroupShift;
                }
            }
            _totalPages = limitPages;
            _bitmap.Attach(metadata, groups);

            int n = ClampCount(regions, count);
            for (int i = 0; i < n; i++)
            {
                if (regions[i].Kind == MemoryKind.Usable)
                {
                    ulong first;
                    ulong end;
                    InnerPages(regions[i], out first, out end);
                    _bitmap.MarkUsable(first, Min(end, _totalPages));
                }
            }
            // Reserved wins over usable, whatever order the map lists them in.
            for (int i = 0; i < n; i++)
            {
                if (regions[i].Kind != MemoryKind.Usable)
                {
                    ulong first;
                    ulong end;
                    OuterPages(regions[i], out first, out end);
                    _bitmap.MarkReserved(first, Min(end, _totalPages));
                }
            }
            _bitmap.MarkReserved(0, Min(1, _totalPages)); // page 0: so that address 0 can mean failure
            _freePages = _bitmap.BuildSummary();
            _usablePages = _freePages;
            _searchHint = 0;
            _runHints.Reset(); // every page that is free became free just now: nothing is known yet
        }

        /// <summary>
        /// Metadata bytes needed to manage physical addresses below <paramref name="highestAddress"/>
        /// (pass <see cref="PhysicalPageAllocator.UsableLimit"/>): 3 bits per page (free, usable,
        /// continues a run), a byte per page of owner, plus 8 bytes per 512 pages: 1.4 MiB for
        /// 4 GiB (0.034 %), 22 MiB for 64 GiB, 45 KiB for 128 MiB.
        /// </summary>
        public static ulong MetadataBytesFor(ulong highestAddress)
        {
            return PageBitmap.BytesFor(GroupsFor(PageMath.GetPageCount(highestAddress)));
        }

        /// <summary>
        /// Allocates <paramref name="pages"/> contiguous pages at the lowest address that fits
        /// as a run of <paramref name="owner"/> and returns that physical address, or 0 (seed:
        /// pmalloc). One page: the lowest free page, found through the summary. More:
        /// PageBitmap.FindRun, starting at the run hint of the request's length class (or at
        /// searchHint's group, if that is higher).
        /// </summary>
        public override ulong Allocate(ulong pages, PageOwner owner)
        {
            if (pages == 0 || pages > _freePages)
            {
                return 0;
            }
            _searchHint = _bitmap.NextNonEmptyGroup(_searchHint);
            ulong page;
            if (pages == 1)
            {
                page = _bitmap.TakeFirstFree(_searchHint, owner);
            }
            else
            {
                ulong from = _runHints.Start(pages);
                ulong lowestFree = _searchHint << PageBitmap.GroupShift; // no page below it is free
                from = from > lowestFree ? from : lowestFree;
                page = _bitmap.FindRunInWord(pages, from);
                if (page == 0)
                {
                    page = _bitmap.FindRun(pages, from);
                }
                if (page == 0)
                {
                    _runHints.Searched(pages, _totalPages);
                    return 0;
                }
                _bitmap.Take(page, pages, owner);
                _runHints.Searched(pages, page + pages);
            }
            _freePages -= pages;
            if (InvariantChecks.Enabled)
            {
                VerifyAround(page, pages);
            }
            return page << PageMath.PageShift;
        }

        /// <summary>
        /// Marks the usable pages of the run free, whatever their state (seed: pmfree).
        /// Not usable pages and pages past the managed range are skipped; an unaligned
        /// address makes the call do nothing.
        /// </summary>
        public override void Free(ulong address, ulong pages)
        {
            if (!PageMath.IsPageAligned(address))
            {
                return;
            }
            ulong first = address >> PageMath.PageShift;
            if (first >= _totalPages || pages == 0)
            {
                return;
            }
            if (pages > _totalPages - first)
            {
                pages = _totalPages - first;
            }
            ulong released;
            if (pages == 1)
            {
                released = _bitmap.ReleaseOne(first); // splits a run that goes on past the page itself
            }
            else
            {
                released = _bitmap.Release(first, pages); // a run that goes on past the range keeps its rest as a run
            }
            if (released != 0)
            {
                _freePages += released;
                ulong group = first >> PageBitmap.GroupShift;
                if (group < _searchHint)
                {
                    _searchHint = group;
                }
                _runHints.Freed(first); // first is at or below the lowest page that became free
            }
            if (InvariantChecks.Enabled)
            {
                VerifyAround(first, pages);
            }
        }

        /// <summary>
        /// Forgets the run hints, so that the next search for a run starts from the bottom of
        /// memory as on a fresh allocator (placement does not change). For benchmarks that
        /// measure the whole-map search rather than a repeated request.
        /// </summary>
        internal void ResetRunHints()
        {
            _runHints.Reset();
        }

        /// <summary>The run hint a search for <paramref name="pages"/> (&gt;= 2) pages would start at; for tests of its invariant.</summary>
        internal ulong RunHint(ulong pages)
        {
            return _runHints.Start(pages);
        }

        /// <summary>The state of the page that holds physical <paramref name="address"/>.</summary>
        public override PageState QueryPage(ulong address)
        {
            ulong page = address >> PageMath.PageShift;
            return page < _totalPages ? _bitmap.State(page) : PageState.OutOfRange;
        }

        /// <summary>Longest free run, from the per-group summary: O(groups), not O(pages).</summary>
        public override ulong LargestFreeRun()
        {
            return _freePages == 0 ? 0 : _bitmap.LongestFreeRun();
        }

        /// <summary>The run holding used page <paramref name="usedPage"/>, from the start bits: word at a time.</summary>
        protected override PageOwner RunHolding(ulong usedPage, out ulong start, out ulong end)
        {
            start = _bitmap.RunStartAtOrBelow(usedPage);
            end = Min(_bitmap.RunEndAfter(start), _totalPages);
            return _bitmap.Owner(start);
        }

        /// <summary>The lowest used page at or above <paramref name="page"/>, or TotalPages.</summary>
        protected override ulong NextUsedPage(ulong page)
        {
            return page < _totalPages ? Min(_bitmap.NextUsed(page), _totalPages) : _totalPages;
        }

        /// <summary>True when every page of the range is free.</summary>
        protected override bool IsFreeRun(ulong firstPage, ulong pages)
        {
            return _bitmap.AllFree(firstPage, pages);
        }

        /// <summary>Takes free pages as one run (taking pages never breaks the hints).</summary>
        protected override void TakeFreeRun(ulong firstPage, ulong pages, PageOwner owner)
        {
            _bitmap.Take(firstPage, pages, owner);
            _freePages -= pages;
        }

        /// <summary>Groups needed to cover <paramref name="pages"/> pages (rounded up).</summary>
        private static ulong GroupsFor(ulong pages)
        {
            return (pages + PageBitmap.PagesPerGroup - 1) >> PageBitmap.GroupShift;
        }

        /// <summary>The smaller of two values (no Math in the kernel subset).</summary>
        private static ulong Min(ulong a, ulong b)
        {
            return a < b ? a : b;
        }
    }
}
