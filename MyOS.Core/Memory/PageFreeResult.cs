namespace MyOS.Core.Memory
{
    /// <summary>
    /// Outcome of <see cref="PhysicalPageAllocator.TryFree"/>. Anything but Ok means the
    /// request was refused and the allocator is exactly as it was before the call.
    /// Errors are checked in the order listed here; the first that applies is reported.
    /// </summary>
    public enum PageFreeResult : uint
    {
        /// <summary>The pages were used usable RAM and are now free.</summary>
        Ok = 0,
        /// <summary>The page count was 0.</summary>
        ZeroPages = 1,
        /// <summary>The address is not a multiple of PAGE_SIZE.</summary>
        Unaligned = 2,
        /// <summary>address + pages * PAGE_SIZE does not fit in 64 bits.</summary>
        Overflow = 3,
        /// <summary>Part of the run lies at or above the end of the managed range (TotalPages).</summary>
        OutOfRange = 4,
        /// <summary>The run touches a page that is not usable RAM (page 0, a hole, firmware, kernel).</summary>
        Reserved = 5,
        /// <summary>At least one page of the run is already free.</summary>
        AlreadyFree = 6,
    }
}
