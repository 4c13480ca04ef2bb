namespace MyOS.Core.Memory.Physical
{
    /// <summary>What the page allocator knows about one physical page.</summary>
    public enum PageState : uint
    {
        /// <summary>The page lies at or above the end of the managed range.</summary>
        OutOfRange = 0,
        /// <summary>Not usable RAM (page 0, a hole, firmware, kernel): never handed out.</summary>
        Reserved = 1,
        /// <summary>Usable RAM that is free.</summary>
        Free = 2,
        /// <summary>Usable RAM that is allocated.</summary>
        Used = 3,
    }
}
