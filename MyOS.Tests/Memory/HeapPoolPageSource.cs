using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Heap;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// A page source over one block of native memory (the "RAM" of a test). Its size is the
    /// budget: once the pool is used up, AllocatePages returns null. With guard pages, runs are
    /// kept that many free pages apart, so the heap's regions are never adjacent. Placement is
    /// deterministic (lowest fitting page), so two pools of the same size behave identically.
    /// New pages are filled with 0xCD so nothing relies on fresh memory being zero.
    /// </summary>
    public sealed unsafe class HeapPoolPageSource : PageSource, IDisposable
    {
        /// <summary>First byte of the pool (4 KiB aligned).</summary>
        public readonly byte* Base;

        /// <summary>Number of pages in the pool.</summary>
        public readonly ulong Pages;

        /// <summary>Free pages kept on both sides of every run (0 lets runs touch).</summary>
        private readonly ulong _guardPages;

        /// <summary>true for each pool page that belongs to a run handed out.</summary>
        private readonly bool[] _taken;

        /// <summary>Runs handed out and not yet returned: first page index -> page count.</summary>
        private readonly Dictionary<ulong, ulong> _runs = new Dictionary<ulong, ulong>();

        /// <summary>Pages handed out and not returned.</summary>
        public ulong PagesInUse { get; private set; }

        /// <summary>Calls of AllocatePages that returned null.</summary>
        public int FailedAllocations { get; private set; }

        /// <summary>Runs handed out and not returned.</summary>
        public int RunsInUse => _runs.Count;

        /// <summary>Makes a pool of <paramref name="bytes"/> (whole pages) with the given guard gap.</summary>
        public HeapPoolPageSource(ulong bytes, ulong guardPages = 0)
        {
            Pages = bytes / PageMath.PageSize;
            this._guardPages = guardPages;
            _taken = new bool[Pages];
            Base = (byte*)NativeMemory.AlignedAlloc((nuint)(Pages * PageMath.PageSize), (nuint)PageMath.PageSize);
            // Pages never handed out hold a known pattern, so tests that read past a region are repeatable.
            new Span<byte>(Base, (int)(Pages * PageMath.PageSize)).Fill(0xFF);
        }

        /// <summary>True when the pointer lies inside the pool.</summary>
        public bool Contains(void* pointer) => (byte*)pointer >= Base && (byte*)pointer < Base + Pages * PageMath.PageSize;

        /// <summary>Offset of a pointer from the pool's start (to compare two pools).</summary>
        public long OffsetOf(void* pointer) => pointer == null ? -1 : (long)((byte*)pointer - Base);

        /// <inheritdoc/>
        public override byte* AllocatePages(ulong pages)
        {
            if (pages == 0)
                throw new InvalidOperationException("AllocatePages(0)");
            for (ulong start = 0; start + pages <= Pages; start++)
            {
                if (RangeFree(start, pages))
                {
                    for (ulong i = 0; i < pages; i++)
                        _taken[start + i] = true;
                    _runs.Add(start, pages);
                    PagesInUse += pages;
                    byte* run = Base + start * PageMath.PageSize;
                    new Span<byte>(run, (int)(pages * PageMath.PageSize)).Fill(0xCD);
                    return run;
                }
            }
            FailedAllocations++;
            return null;
        }

        /// <inheritdoc/>
        public override void FreePages(byte* pointer, ulong pages)
        {
            if (!Contains(pointer) || ((ulong)(pointer - Base) % PageMath.PageSize) != 0)
                throw new InvalidOperationException("FreePages: pointer not from this pool");
            ulong start = (ulong)(pointer - Base) / PageMath.PageSize;
            if (!_runs.TryGetValue(start, out ulong count) || count != pages)
                throw new InvalidOperationException($"FreePages: no run of {pages} pages at page {start}");
            _runs.Remove(start);
            for (ulong i = 0; i < pages; i++)
                _taken[start + i] = false;
            PagesInUse -= pages;
            new Span<byte>(pointer, (int)(pages * PageMath.PageSize)).Fill(0xDD);   // use after release shows up
        }

        /// <summary>True when the run and its guard pages on both sides are all free.</summary>
        private bool RangeFree(ulong start, ulong pages)
        {
            ulong from = start >= _guardPages ? start - _guardPages : 0;
            ulong to = Math.Min(Pages, start + pages + _guardPages);
            for (ulong i = from; i < to; i++)
            {
                if (_taken[i])
                    return false;
            }

            return true;
        }

        /// <summary>Frees the pool.</summary>
        public void Dispose() => NativeMemory.AlignedFree(Base);
    }
}
