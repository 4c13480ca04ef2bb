using MyOS.Core.Memory.Map;

namespace MyOS.Core.Memory.Physical
{
    /// <summary>
    /// The baseline page allocator, built the way Cosmos's RAT is: one byte per page and a
    /// linear first-fit scan from the bottom of memory for every request. Correct and simple,
    /// but O(pages) per allocation; kept to measure PageAllocator against and as a fallback the
    /// kernel can select. Invariant: freePages equals the number of PageFree bytes in the map;
    /// only a used page carries RunStart, and every used page whose lower neighbour is not used
    /// carries it (so each used page belongs to the run starting at the nearest RunStart below).
    /// </summary>
    public sealed unsafe class ByteMapPageAllocator : PhysicalPageAllocator
    {
        /// <summary>Map byte: usable RAM, free (the whole byte is 0).</summary>
        private const byte PageFree = 0;
        /// <summary>Map byte state: usable RAM, allocated.</summary>
        private const byte PageUsed = 1;
        /// <summary>Map byte: not usable RAM (page 0, holes, reserved regions); never changes.</summary>
        private const byte PageReserved = 2;
        /// <summary>The state bits of a map byte (PageFree, PageUsed or PageReserved).</summary>
        private const byte StateMask = 3;
        /// <summary>Flag on a used page: the first page of a run; the owner is in the high nibble.</summary>
        private const byte RunStart = 4;
        /// <summary>Where the owner of a run sits in its first page's byte.</summary>
        private const int OwnerShift = 4;

        /// <summary>map[p] for page p, 0 &lt;= p &lt; totalPages: PageFree, PageReserved, or PageUsed plus RunStart and the owner on a run's first page.</summary>
        private readonly byte* _map;

        /// <summary>
        /// Builds the map from the first <paramref name="count"/> regions with the same rules
        /// as <see cref="PageAllocator"/> (whole usable pages free, anything else reserved,
        /// page 0 reserved). The managed range is cut short if <paramref name="metadataBytes"/>
        /// is less than <see cref="MetadataBytesFor"/> of the usable limit.
        /// </summary>
        public ByteMapPageAllocator(MemoryRange[] regions, int count, byte* metadata, ulong metadataBytes, DirectMap directMap)
            : base(directMap)
        {
            ulong pages = UsableLimit(regions, count) >> PageMath.PageShift;
            if (metadata == null)
            {
                pages = 0;
            }
            else if (pages > metadataBytes)
            {
                pages = metadataBytes;
            }
            _map = metadata;
            _totalPages = pages;
            for (ulong p = 0; p < _totalPages; p++)
            {
                _map[p] = PageReserved;
            }
            int n = ClampCount(regions, count);
            for (int i = 0; i < n; i++)
            {
                if (regions[i].Kind == MemoryKind.Usable)
                {
                    ulong first;
                    ulong end;
                    InnerPages(regions[i], out first, out end);
                    Fill(first, end, PageFree);
                }
            }
            for (int i = 0; i < n; i++)
            {
                if (regions[i].Kind != MemoryKind.Usable)
                {
                    ulong first;
                    ulong end;
                    OuterPages(regions[i], out first, out end);
                    Fill(first, end, PageReserved);
                }
            }
            Fill(0, 1, PageReserved);
            for (ulong p = 0; p < _totalPages; p++)
            {
                if (_map[p] == PageFree)
                {
                    _freePages++;
                }
            }
            _usablePages = _freePages;
        }

        /// <summary>Metadata bytes needed below <paramref name="highestAddress"/>: one per page.</summary>
        public static ulong MetadataBytesFor(ulong highestAddress)
        {
            return PageMath.GetPageCount(highestAddress);
        }

        /// <summary>
        /// Scans the map from page 1 upwards, counting consecutive free pages, and takes the
        /// first run that reaches <paramref name="pages"/> (seed: pmalloc). Returns 0 when none does.
        /// </summary>
        public override ulong Allocate(ulong pages, PageOwner owner)
        {
            if (pages == 0 || pages > _freePages)
            {
                return 0;
            }
            ulong run = 0;
            for (ulong p = 1; p < _totalPages; p++)
            {
                if (_map[p] != PageFree)
                {
                    run = 0;
                    continue;
                }
                run++;
                if (run == pages)
                {
                    ulong first = p + 1 - pages;
                    Fill(first, p + 1, PageUsed);
                    _map[first] = StartByte(owner);
                    _freePages -= pages;
                    return first << PageMath.PageShift;
                }
            }
            return 0;
        }

        /// <summary>
        /// Marks the usable pages of the run free (seed: pmfree); reserved pages and pages past
        /// the managed range are skipped; an unaligned address makes the call do nothing.
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
            ulong end = pages > _totalPages - first ? _totalPages : first + pages;
            if (end < _totalPages && _map[end] == PageUsed)
            {
                // The run goes on past the range: its rest becomes a run of the same owner.
                _map[end] = (byte)(_map[RunStartAtOrBelow(end)] | RunStart);
            }
            for (ulong p = first; p < end; p++)
            {
                if ((_map[p] & StateMask) == PageUsed)
                {
                    _map[p] = PageFree;
                    _freePages++;
                }
            }
        }

        /// <summary>The state of the page that holds physical <paramref name="address"/>.</summary>
        public override PageState QueryPage(ulong address)
        {
            ulong page = address >> PageMath.PageShift;
            if (page >= _totalPages)
            {
                return PageState.OutOfRange;
            }
            byte state = (byte)(_map[page] & StateMask);
            if (state == PageFree)
            {
                return PageState.Free;
            }
            return state == PageUsed ? PageState.Used : PageState.Reserved;
        }

        /// <summary>Longest free run, by scanning every page.</summary>
        public override ulong LargestFreeRun()
        {
            ulong best = 0;
            ulong run = 0;
            for (ulong p = 0; p < _totalPages; p++)
            {
                run = _map[p] == PageFree ? run + 1 : 0;
                if (run > best)
                {
                    best = run;
                }
            }
            return best;
        }

        /// <summary>The run holding used page <paramref name="usedPage"/>: scans down to its RunStart and up to its end.</summary>
        protected override PageOwner RunHolding(ulong usedPage, out ulong start, out ulong end)
        {
            start = RunStartAtOrBelow(usedPage);
            end = start + 1;
            while (end < _totalPages && _map[end] == PageUsed)
            {
                end++; // a used page without RunStart continues the run
            }
            return (PageOwner)(_map[start] >> OwnerShift);
        }

        /// <summary>The lowest used page at or above <paramref name="page"/>, or TotalPages.</summary>
        protected override ulong NextUsedPage(ulong page)
        {
            while (page < _totalPages && (_map[page] & StateMask) != PageUsed)
            {
                page++;
            }
            return page;
        }

        /// <summary>True when every page of the range is free.</summary>
        protected override bool IsFreeRun(ulong firstPage, ulong pages)
        {
            for (ulong p = firstPage; p < firstPage + pages; p++)
            {
                if (_map[p] != PageFree)
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>Takes free pages as one run.</summary>
        protected override void TakeFreeRun(ulong firstPage, ulong pages, PageOwner owner)
        {
            Fill(firstPage, firstPage + pages, PageUsed);
            _map[firstPage] = StartByte(owner);
            _freePages -= pages;
        }

        /// <summary>The nearest page at or below used page <paramref name="page"/> that carries RunStart (0 only if the invariant is broken).</summary>
        private ulong RunStartAtOrBelow(ulong page)
        {
            while (page > 0 && (_map[page] & RunStart) == 0)
            {
                page--;
            }
            return page;
        }

        /// <summary>The map byte of a run's first page.</summary>
        private static byte StartByte(PageOwner owner)
        {
            return (byte)(PageUsed | RunStart | (((int)owner & 0xF) << OwnerShift));
        }

        /// <summary>Sets map bytes for pages [first, end), clipped to the managed range.</summary>
        private void Fill(ulong first, ulong end, byte state)
        {
            if (end > _totalPages)
            {
                end = _totalPages;
            }
            for (ulong p = first; p < end; p++)
            {
                _map[p] = state;
            }
        }
    }
}
