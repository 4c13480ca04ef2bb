namespace MyOS.Core.Memory.Physical
{
    /// <summary>
    /// Outcome of <see cref="PhysicalPageAllocator.TryFree"/>. Anything but Ok means the
    /// request was refused and the allocator is exactly as it was before the call.
    /// Errors are checked in the order listed here; the first that applies is reported.
    /// From Reserved on they describe the page at the address, then the run that holds it:
    /// a checked free must name exactly one whole run of its caller.
    /// </summary>
    public enum PageFreeResult : uint
    {
        /// <summary>The pages were one whole run of the caller and are now free.</summary>
        Ok = 0,
        /// <summary>The page count was 0.</summary>
        ZeroPages = 1,
        /// <summary>The address is not a multiple of PageSize.</summary>
        Unaligned = 2,
        /// <summary>address + pages * PageSize does not fit in 64 bits.</summary>
        Overflow = 3,
        /// <summary>Part of the range lies at or above the end of the managed range (TotalPages).</summary>
        OutOfRange = 4,
        /// <summary>The page at the address is not usable RAM (page 0, a hole, firmware, the kernel image).</summary>
        Reserved = 5,
        /// <summary>The page at the address is free (never allocated, or a double free).</summary>
        AlreadyFree = 6,
        /// <summary>The run holding the page at the address belongs to another owner.</summary>
        NotOwner = 7,
        /// <summary>The address lies inside a run, not at its first page.</summary>
        InsideRun = 8,
        /// <summary>The range is shorter than the run that starts at the address.</summary>
        PartialRun = 9,
        /// <summary>The range goes on into the next run (which starts right after this one).</summary>
        CrossesRun = 10,
        /// <summary>The range goes on past the run's end into a free or reserved page.</summary>
        PastRunEnd = 11,
    }
}
