namespace MyOS.Core.Memory
{
    /// <summary>Which invariant an <see cref="InvariantChecks"/> check found broken.</summary>
    public enum InvariantViolation
    {
        /// <summary>A group's summary Free differs from its number of free bits (address: the group).</summary>
        GroupFreeCount = 1,
        /// <summary>A group's bit in the non-empty set disagrees with its Free count (address: the group).</summary>
        GroupNonEmptyBit,
        /// <summary>A group's Head, Tail or Longest, while not stale, differ from its words (address: the group).</summary>
        GroupRuns,
        /// <summary>A page is free that is not usable RAM (address: the page).</summary>
        FreePageNotUsable,
        /// <summary>A free page carries a run-continuation bit (address: the page).</summary>
        ContinuationOnFreePage,
        /// <summary>The allocator's free-page count differs from the groups' sum (address: the count).</summary>
        FreePageCount,
        /// <summary>A free page lies below the single-page search hint (address: the page).</summary>
        SearchHint,
        /// <summary>A run of L free pages starts below the run hint of its length class (address: the run).</summary>
        RunHint,
        /// <summary>The heap's check found a problem (address: where; the heap's HeapCheckStatus is in the panic line).</summary>
        Heap,
    }
}
