namespace MyOS.Core.Memory.Heap
{
    /// <summary>The first problem a heap check found, or <see cref="Ok"/>.</summary>
    public enum HeapCheckStatus
    {
        /// <summary>Everything checked is consistent.</summary>
        Ok = 0,
        /// <summary>A region is misaligned, overlaps or is out of order, or its Previous link is wrong.</summary>
        RegionListBroken = 1,
        /// <summary>A region's end marker or owner pointer is wrong.</summary>
        RegionTrailerBroken = 2,
        /// <summary>A block header's check value does not match (overwritten or not a header).</summary>
        HeaderCorrupted = 3,
        /// <summary>A block is smaller than the minimum or runs past its region's end marker.</summary>
        BlockSizeBad = 4,
        /// <summary>Reserved flag bits are set, or a free block has PreviousFree or Managed set.</summary>
        FlagsBad = 5,
        /// <summary>A free block's footer does not repeat its header.</summary>
        FooterMismatch = 6,
        /// <summary>A block's PreviousFree flag disagrees with the block before it.</summary>
        PreviousFreeWrong = 7,
        /// <summary>Two free blocks touch (they should have been merged).</summary>
        AdjacentFreeBlocks = 8,
        /// <summary>The heap's running totals disagree with what the walk counted.</summary>
        TotalsMismatch = 9,
        /// <summary>The free index is out of address order, or has a cycle.</summary>
        IndexOrder = 10,
        // 11 and 12 named the AVL tree's parent and balance checks; that tree is gone.
        /// <summary>A chunk's largest free size is wrong, or a maxima tree or the directory understates what it summarises.</summary>
        IndexMax = 13,
        /// <summary>The index holds a block that is not a free block of the heap.</summary>
        IndexExtraBlock = 14,
        /// <summary>A free block of the heap is missing from the index.</summary>
        IndexMissingBlock = 15,
    }
}
