namespace MyOS.Core.Memory.Physical
{
    /// <summary>
    /// One run of pages as the allocator handed it out: [Address, Address + Pages * PageSize)
    /// and who asked for it. A run ends where the next run starts or where a page is not in use.
    /// </summary>
    public struct PageRun
    {
        /// <summary>Physical address of the run's first page.</summary>
        public ulong Address;
        /// <summary>Length in pages (at least 1).</summary>
        public ulong Pages;
        /// <summary>Who allocated the run.</summary>
        public PageOwner Owner;
    }
}
