namespace MyOS.Core.Memory.Physical
{
    /// <summary>
    /// A snapshot of a page allocator's counters, all in pages.
    /// Always UsedPages + FreePages == UsablePages &lt;= TotalPages.
    /// </summary>
    public struct PageAllocatorStats
    {
        /// <summary>Pages in the managed range [0, TotalPages * PageSize), usable or not.</summary>
        public ulong TotalPages;
        /// <summary>Pages of usable RAM in the managed range (page 0 never counts).</summary>
        public ulong UsablePages;
        /// <summary>Usable pages that are free now.</summary>
        public ulong FreePages;
        /// <summary>Usable pages that are allocated now (UsablePages - FreePages).</summary>
        public ulong UsedPages;
        /// <summary>Length of the longest run of contiguous free pages: the largest Allocate that can succeed now.</summary>
        public ulong LargestFreeRun;
    }
}
