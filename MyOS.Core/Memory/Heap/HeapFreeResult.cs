namespace MyOS.Core.Memory.Heap
{
    /// <summary>What a checked free found. Only <see cref="Ok"/> changes the heap.</summary>
    public enum HeapFreeResult
    {
        /// <summary>The block was allocated and is now free.</summary>
        Ok = 0,
        /// <summary>The pointer was null; nothing to do.</summary>
        Null = 1,
        /// <summary>The pointer lies outside every region of this heap.</summary>
        NotInHeap = 2,
        /// <summary>The pointer lies inside the heap but is not the payload start of a block.</summary>
        NotBlockStart = 3,
        /// <summary>The pointer is not 8-byte aligned, so it cannot be a payload start.</summary>
        Misaligned = 4,
        /// <summary>The pointer is the payload start of a block that is already free.</summary>
        DoubleFree = 5,
        /// <summary>A block header on the way (or the block's own) has a wrong check value.</summary>
        Corrupted = 6,
    }
}
