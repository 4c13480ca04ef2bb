namespace MyOS.Core.Memory.Physical
{
    /// <summary>
    /// Outcome of <see cref="PhysicalPageAllocator.TryAllocate"/>. Anything but Ok means
    /// nothing was allocated and the allocator is unchanged.
    /// </summary>
    public enum PageAllocateResult : uint
    {
        /// <summary>The pages were allocated; the address is valid.</summary>
        Ok = 0,
        /// <summary>The page count was 0.</summary>
        ZeroPages = 1,
        /// <summary>More pages than all usable RAM: the request can never succeed.</summary>
        TooLarge = 2,
        /// <summary>No run of free pages is long enough right now (too few free, or too fragmented).</summary>
        OutOfMemory = 3,
    }
}
