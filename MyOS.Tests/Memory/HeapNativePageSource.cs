using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Heap;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// A page source that takes every run straight from the host (NativeMemory.AlignedAlloc),
    /// wherever the host puts it, with an optional page budget. It checks that every run comes
    /// back whole, and frees what is left when disposed.
    /// </summary>
    public sealed unsafe class HeapNativePageSource : PageSource, IDisposable
    {
        /// <summary>Most pages handed out at once; AllocatePages fails beyond it.</summary>
        private readonly ulong _budgetPages;

        /// <summary>Runs handed out and not returned: address -> page count.</summary>
        private readonly Dictionary<ulong, ulong> _runs = new Dictionary<ulong, ulong>();

        /// <summary>Pages handed out and not returned.</summary>
        public ulong PagesInUse { get; private set; }

        /// <summary>Runs handed out and not returned.</summary>
        public int RunsInUse => _runs.Count;

        /// <summary>Makes a source limited to <paramref name="budgetPages"/> pages in use at once.</summary>
        public HeapNativePageSource(ulong budgetPages = ulong.MaxValue)
        {
            this._budgetPages = budgetPages;
        }

        /// <summary>Start addresses of the runs in use, lowest first.</summary>
        public List<ulong> RunAddresses()
        {
            var list = new List<ulong>(_runs.Keys);
            list.Sort();
            return list;
        }

        /// <inheritdoc/>
        public override byte* AllocatePages(ulong pages)
        {
            if (pages == 0 || PagesInUse + pages > _budgetPages)
                return null;
            byte* run = (byte*)NativeMemory.AlignedAlloc((nuint)(pages * PageMath.PageSize), (nuint)PageMath.PageSize);
            if (run == null)
                return null;
            new Span<byte>(run, (int)(pages * PageMath.PageSize)).Fill(0xCD);
            _runs.Add((ulong)run, pages);
            PagesInUse += pages;
            return run;
        }

        /// <inheritdoc/>
        public override void FreePages(byte* pointer, ulong pages)
        {
            if (!_runs.TryGetValue((ulong)pointer, out ulong count) || count != pages)
                throw new InvalidOperationException($"FreePages: no run of {pages} pages at 0x{(ulong)pointer:x}");
            _runs.Remove((ulong)pointer);
            PagesInUse -= pages;
            NativeMemory.AlignedFree(pointer);
        }

        /// <summary>Frees every run still out.</summary>
        public void Dispose()
        {
            foreach (ulong run in _runs.Keys)
                NativeMemory.AlignedFree((void*)run);
            _runs.Clear();
        }
    }
}
