using System;
using System.Collections.Generic;
using MyOS.Core.Memory;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// The obviously-correct model the allocators are checked against: one bool per page
    /// for "usable" and one for "free", every operation a plain loop over pages. Written from
    /// the contract, sharing no code with the allocators.
    /// </summary>
    public sealed class PageAllocatorReferenceModel
    {
        private const ulong Page = 4096;

        /// <summary>Pages up to the end of the highest whole usable page.</summary>
        public ulong TotalPages { get; }

        /// <summary>Usable[p]: page p is usable RAM (page 0 never is).</summary>
        public bool[] Usable { get; }

        /// <summary>Free[p]: page p is free (only where Usable[p]).</summary>
        public bool[] Free { get; }

        public PageAllocatorReferenceModel(PhysicalRegion[] regions)
        {
            ulong limit = 0;
            foreach (var r in regions)
            {
                ulong first = (r.Base + Page - 1) / Page;
                ulong end = (r.Base + r.Length) / Page;
                if (r.Kind == RegionKind.Usable && first < end)
                {
                    limit = Math.Max(limit, end);
                }
            }
            TotalPages = limit;
            Usable = new bool[limit];
            foreach (var r in regions)
            {
                if (r.Kind != RegionKind.Usable)
                {
                    continue;
                }
                for (ulong p = (r.Base + Page - 1) / Page; p < (r.Base + r.Length) / Page && p < limit; p++)
                {
                    Usable[p] = true;
                }
            }
            foreach (var r in regions)
            {
                if (r.Kind == RegionKind.Usable)
                {
                    continue;
                }
                for (ulong p = r.Base / Page; p < (r.Base + r.Length + Page - 1) / Page && p < limit; p++)
                {
                    Usable[p] = false;
                }
            }
            if (limit > 0)
            {
                Usable[0] = false;
            }
            Free = (bool[])Usable.Clone();
        }

        public ulong UsableCount => Count(Usable);

        public ulong FreeCount => Count(Free);

        /// <summary>First page of the lowest run of n free pages, or 0.</summary>
        public ulong LowestFit(ulong n)
        {
            if (n == 0)
            {
                return 0;
            }
            ulong run = 0;
            for (ulong p = 0; p < TotalPages; p++)
            {
                run = Free[p] ? run + 1 : 0;
                if (run == n)
                {
                    return p + 1 - n;
                }
            }
            return 0;
        }

        /// <summary>Marks [first, first + n) used; asserts nothing, the test does.</summary>
        public void Take(ulong first, ulong n)
        {
            for (ulong p = first; p < first + n; p++)
            {
                Free[p] = false;
            }
        }

        /// <summary>pmfree semantics: usable pages of the run become free; the rest is ignored.</summary>
        public void FreeRange(ulong address, ulong pages)
        {
            if (address % Page != 0)
            {
                return;
            }
            ulong first = address / Page;
            for (ulong i = 0; i < pages && first + i < TotalPages; i++)
            {
                if (Usable[first + i])
                {
                    Free[first + i] = true;
                }
            }
        }

        /// <summary>What TryFree must answer, from the contract's list in order.</summary>
        public PageFreeResult ExpectedTryFree(ulong address, ulong pages)
        {
            if (pages == 0)
            {
                return PageFreeResult.ZeroPages;
            }
            if (address % Page != 0)
            {
                return PageFreeResult.Unaligned;
            }
            if ((UInt128)address + (UInt128)pages * Page > ulong.MaxValue)
            {
                return PageFreeResult.Overflow;
            }
            ulong first = address / Page;
            if ((UInt128)first + pages > TotalPages)
            {
                return PageFreeResult.OutOfRange;
            }
            bool anyFree = false;
            for (ulong p = first; p < first + pages; p++)
            {
                if (!Usable[p])
                {
                    return PageFreeResult.Reserved;
                }
                anyFree |= Free[p];
            }
            return anyFree ? PageFreeResult.AlreadyFree : PageFreeResult.Ok;
        }

        public PageState State(ulong page)
        {
            if (page >= TotalPages)
            {
                return PageState.OutOfRange;
            }
            if (!Usable[page])
            {
                return PageState.Reserved;
            }
            return Free[page] ? PageState.Free : PageState.Used;
        }

        public ulong LongestFreeRun()
        {
            ulong best = 0;
            ulong run = 0;
            for (ulong p = 0; p < TotalPages; p++)
            {
                run = Free[p] ? run + 1 : 0;
                best = Math.Max(best, run);
            }
            return best;
        }

        /// <summary>Maximal runs of used usable pages: what a test may legally free.</summary>
        public List<(ulong First, ulong Count)> UsedRuns()
        {
            var runs = new List<(ulong, ulong)>();
            ulong p = 0;
            while (p < TotalPages)
            {
                if (Usable[p] && !Free[p])
                {
                    ulong start = p;
                    while (p < TotalPages && Usable[p] && !Free[p])
                    {
                        p++;
                    }
                    runs.Add((start, p - start));
                }
                else
                {
                    p++;
                }
            }
            return runs;
        }

        private static ulong Count(bool[] bits)
        {
            ulong n = 0;
            foreach (bool b in bits)
            {
                if (b)
                {
                    n++;
                }
            }
            return n;
        }
    }
}
