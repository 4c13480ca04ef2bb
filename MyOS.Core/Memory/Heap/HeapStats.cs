namespace MyOS.Core.Memory.Heap
{
    /// <summary>
    /// A snapshot of a heap's bookkeeping. Sizes are block bytes (headers and padding included),
    /// so HeapBytes = UsedBytes + FreeBytes + OverheadBytes always holds.
    /// </summary>
    public struct HeapStats
    {
        /// <summary>Bytes obtained from the page source: all regions together.</summary>
        public ulong HeapBytes;

        /// <summary>Bytes in allocated blocks: payload, padding and the 8-byte headers.</summary>
        public ulong UsedBytes;

        /// <summary>Bytes in free blocks, their headers included.</summary>
        public ulong FreeBytes;

        /// <summary>Bytes no block can use: each region's 24-byte header and 16-byte trailer.</summary>
        public ulong OverheadBytes;

        /// <summary>Number of allocated blocks.</summary>
        public ulong UsedBlocks;

        /// <summary>Number of free blocks.</summary>
        public ulong FreeBlocks;

        /// <summary>Size in bytes of the largest free block (header included); 0 when none.</summary>
        public ulong LargestFreeBytes;

        /// <summary>Number of regions obtained from the page source and not yet given back.</summary>
        public ulong Regions;

        /// <summary>
        /// External fragmentation, 1 - largest free / total free, in hundredths of a percent
        /// (0..10000): 0 means all free memory is one block.
        /// </summary>
        public ulong FragmentationBasisPoints;
    }
}
