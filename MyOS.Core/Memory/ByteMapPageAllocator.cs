namespace MyOS.Core.Memory
{
    /// <summary>
    /// The baseline page allocator, built the way Cosmos's RAT is: one byte per page and a
    /// linear first-fit scan from the bottom of memory for every request. Correct and simple,
    /// but O(pages) per allocation; kept to measure PageAllocator against and as a fallback the
    /// kernel can select. Invariant: freePages equals the number of PageFree bytes in the map.
    /// </summary>
    public sealed unsafe class ByteMapPageAllocator : PhysicalPageAllocator
    {
        /// <summary>Map byte: usable RAM, free.</summary>
        private const byte PageFree = 0;
        /// <summary>Map byte: usable RAM, allocated.</summary>
        private const byte PageUsed = 1;
        /// <summary>Map byte: not usable RAM (page 0, holes, reserved regions); never changes.</summary>
        private const byte PageReserved = 2;

        /// <summary>map[p] is PageFree, PageUsed or PageReserved for page p, 0 &lt;= p &lt; totalPages.</summary>
        private readonly byte* map;
        /// <summary>Pages in the managed range: page numbers 0 .. totalPages - 1.</summary>
        private readonly ulong totalPages;
        /// <summary>Usable pages in the managed range, fixed at construction.</summary>
        private readonly ulong usablePages;
        /// <summary>Usable pages that are free now.</summary>
        private ulong freePages;

        /// <summary>
        /// Builds the map from the first <paramref name="count"/> regions with the same rules
        /// as <see cref="PageAllocator"/> (whole usable pages free, anything else reserved,
        /// page 0 reserved). The managed range is cut short if <paramref name="metadataBytes"/>
        /// is less than <see cref="MetadataBytesFor"/> of the usable limit.
        /// </summary>
        public ByteMapPageAllocator(PhysicalRegion[] regions, int count, byte* metadata, ulong metadataBytes, ulong hhdmOffset)
            : base(hhdmOffset)
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
            map = metadata;
            totalPages = pages;
            for (ulong p = 0; p < totalPages; p++)
            {
                map[p] = PageReserved;
            }
            int n = ClampCount(regions, count);
            for (int i = 0; i < n; i++)
            {
                if (regions[i].Kind == RegionKind.Usable)
                {
                    ulong first;
                    ulong end;
                    InnerPages(regions[i], out first, out end);
                    Fill(first, end, PageFree);
                }
            }
            for (int i = 0; i < n; i++)
            {
                if (regions[i].Kind != RegionKind.Usable)
                {
                    ulong first;
                    ulong end;
                    OuterPages(regions[i], out first, out end);
                    Fill(first, end, PageReserved);
                }
            }
            Fill(0, 1, PageReserved);
            for (ulong p = 0; p < totalPages; p++)
            {
                if (map[p] == PageFree)
                {
                    freePages++;
                }
            }
            usablePages = freePages;
        }

        /// <summary>Metadata bytes needed below <paramref name="highestAddress"/>: one per page.</summary>
        public static ulong MetadataBytesFor(ulong highestAddress)
        {
            return PageMath.GetPageCount(highestAddress);
        }

        /// <summary>Pages in the managed range, usable or not.</summary>
        public override ulong TotalPages => totalPages;

        /// <summary>Usable pages in the managed range (never page 0).</summary>
        public override ulong UsablePages => usablePages;

        /// <summary>Usable pages that are free now.</summary>
        public override ulong FreePages => freePages;

        /// <summary>
        /// Scans the map from page 1 upwards, counting consecutive free pages, and takes the
        /// first run that reaches <paramref name="pages"/> (seed: pmalloc). Returns 0 when none does.
        /// </summary>
        public override ulong Allocate(ulong pages)
        {
            if (pages == 0 || pages > freePages)
            {
                return 0;
            }
            ulong run = 0;
            for (ulong p = 1; p < totalPages; p++)
            {
                if (map[p] != PageFree)
                {
                    run = 0;
                    continue;
                }
                run++;
                if (run == pages)
                {
                    ulong first = p + 1 - pages;
                    Fill(first, p + 1, PageUsed);
                    freePages -= pages;
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
            if (first >= totalPages)
            {
                return;
            }
            ulong end = pages > totalPages - first ? totalPages : first + pages;
            for (ulong p = first; p < end; p++)
            {
                if (map[p] == PageUsed)
                {
                    map[p] = PageFree;
                    freePages++;
                }
            }
        }

        /// <summary>The state of the page that holds physical <paramref name="address"/>.</summary>
        public override PageState QueryPage(ulong address)
        {
            ulong page = address >> PageMath.PageShift;
            if (page >= totalPages)
            {
                return PageState.OutOfRange;
            }
            byte state = map[page];
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
            for (ulong p = 0; p < totalPages; p++)
            {
                run = map[p] == PageFree ? run + 1 : 0;
                if (run > best)
                {
                    best = run;
                }
            }
            return best;
        }

        /// <summary>Reserved, AlreadyFree or Ok for a run inside the managed range; changes nothing.</summary>
        protected override PageFreeResult CheckUsedRun(ulong firstPage, ulong pages)
        {
            bool anyFree = false;
            for (ulong p = firstPage; p < firstPage + pages; p++)
            {
                if (map[p] == PageReserved)
                {
                    return PageFreeResult.Reserved;
                }
                anyFree |= map[p] == PageFree;
            }
            return anyFree ? PageFreeResult.AlreadyFree : PageFreeResult.Ok;
        }

        /// <summary>Sets map bytes for pages [first, end), clipped to the managed range.</summary>
        private void Fill(ulong first, ulong end, byte state)
        {
            if (end > totalPages)
            {
                end = totalPages;
            }
            for (ulong p = first; p < end; p++)
            {
                map[p] = state;
            }
        }
    }
}
