using System;
using System.Collections.Generic;
using MyOS.Core.Memory.Map;
using MyOS.Core.Memory.Physical;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// The obviously-correct model the allocators are checked against: one bool per page
    /// for "usable" and one for "free", and for each used page the number of the run it
    /// belongs to (every allocation gets a new number; a run's owner is kept by number), every
    /// operation a plain loop over pages. Written from the contract, sharing no code with the
    /// allocators.
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

        /// <summary>RunId[p]: the run used page p belongs to (0 where p is not used); a run's pages are contiguous.</summary>
        private readonly int[] _runId;

        /// <summary>The owner of each run number.</summary>
        private readonly Dictionary<int, PageOwner> _owners = new Dictionary<int, PageOwner>();

        /// <summary>The last run number given out.</summary>
        private int _lastRunId;

        public PageAllocatorReferenceModel(MemoryRange[] regions)
        {
            ulong limit = 0;
            foreach (var r in regions)
            {
                ulong first = (r.Base + Page - 1) / Page;
                ulong end = (r.Base + r.Length) / Page;
                if (r.Kind == MemoryKind.Usable && first < end)
                {
                    limit = Math.Max(limit, end);
                }
            }
            TotalPages = limit;
            Usable = new bool[limit];
            foreach (var r in regions)
            {
                if (r.Kind != MemoryKind.Usable)
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
                if (r.Kind == MemoryKind.Usable)
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
            _runId = new int[limit];
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

        /// <summary>Marks [first, first + n) used as one new run of <paramref name="owner"/>; asserts nothing, the test does.</summary>
        public void Take(ulong first, ulong n, PageOwner owner = PageOwner.Kernel)
        {
            _lastRunId++;
            _owners[_lastRunId] = owner;
            for (ulong p = first; p < first + n; p++)
            {
                Free[p] = false;
                _runId[p] = _lastRunId;
            }
        }

        /// <summary>
        /// pmfree semantics: usable pages of the range become free; the rest is ignored. The
        /// used pages of a run that goes on past the range get a new run number of the same owner.
        /// </summary>
        public void FreeRange(ulong address, ulong pages)
        {
            if (address % Page != 0)
            {
                return;
            }
            ulong first = address / Page;
            ulong end = first;
            for (ulong i = 0; i < pages && first + i < TotalPages; i++)
            {
                end = first + i + 1;
            }
            if (end > first && end < TotalPages && IsUsed(end) && _runId[end] == _runId[end - 1])
            {
                int cut = _runId[end];
                _lastRunId++;
                _owners[_lastRunId] = _owners[cut];
                for (ulong p = end; p < TotalPages && _runId[p] == cut; p++)
                {
                    _runId[p] = _lastRunId;
                }
            }
            for (ulong p = first; p < end; p++)
            {
                if (Usable[p])
                {
                    Free[p] = true;
                    _runId[p] = 0;
                }
            }
        }

        /// <summary>Page p is usable and allocated.</summary>
        public bool IsUsed(ulong p) => p < TotalPages && Usable[p] && !Free[p];

        /// <summary>The run used page p belongs to: first page, length and owner.</summary>
        public (ulong First, ulong Count, PageOwner Owner) RunOf(ulong p)
        {
            int id = _runId[p];
            ulong first = p;
            while (first > 0 && _runId[first - 1] == id)
            {
                first--;
            }
            ulong end = p + 1;
            while (end < TotalPages && _runId[end] == id)
            {
                end++;
            }
            return (first, end - first, _owners[id]);
        }

        /// <summary>Used pages per owner, indexed by (int)owner.</summary>
        public ulong[] PagesByOwner()
        {
            var counts = new ulong[PhysicalPageAllocator.OwnerCount];
            for (ulong p = 0; p < TotalPages; p++)
            {
                if (IsUsed(p))
                {
                    counts[(int)_owners[_runId[p]]]++;
                }
            }
            return counts;
        }

        /// <summary>What TryFree must answer for <paramref name="owner"/>, from the contract's list in order.</summary>
        public PageFreeResult ExpectedTryFree(ulong address, ulong pages, PageOwner owner)
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
            if (!Usable[first])
            {
                return PageFreeResult.Reserved;
            }
            if (Free[first])
            {
                return PageFreeResult.AlreadyFree;
            }
            var run = RunOf(first);
            if (run.Owner != owner)
            {
                return PageFreeResult.NotOwner;
            }
            if (run.First != first)
            {
                return PageFreeResult.InsideRun;
            }
            if (pages < run.Count)
            {
                return PageFreeResult.PartialRun;
            }
            if (pages > run.Count)
            {
                return IsUsed(first + run.Count) ? PageFreeResult.CrossesRun : PageFreeResult.PastRunEnd;
            }
            return PageFreeResult.Ok;
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

        /// <summary>Every run in address order, with its owner: what a test may legally free.</summary>
        public List<(ulong First, ulong Count, PageOwner Owner)> Runs()
        {
            var runs = new List<(ulong, ulong, PageOwner)>();
            ulong p = 0;
            while (p < TotalPages)
            {
                if (IsUsed(p))
                {
                    var run = RunOf(p);
                    runs.Add(run);
                    p = run.First + run.Count;
                }
                else
                {
                    p++;
                }
            }
            return runs;
        }

        /// <summary>Every run in address order, without owners.</summary>
        public List<(ulong First, ulong Count)> UsedRuns()
        {
            var runs = new List<(ulong, ulong)>();
            foreach (var (first, count, _) in Runs())
            {
                runs.Add((first, count));
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
