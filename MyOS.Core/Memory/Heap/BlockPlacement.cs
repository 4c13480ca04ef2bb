using System.Runtime.CompilerServices;

namespace MyOS.Core.Memory.Heap
{
    /// <summary>
    /// The placement rule both heaps share, so they put every request at the same address:
    /// how big a block a request needs, whether a free block can hold it with its alignment,
    /// and how much memory to ask for when nothing fits.
    /// </summary>
    public static unsafe class BlockPlacement
    {
        /// <summary>Returned by <see cref="FitGap"/> when the block cannot hold the request.</summary>
        public const ulong NoFit = 0xFFFFFFFFFFFFFFFFUL;

        /// <summary>Largest request in bytes (16 GiB): keeps block sizes inside the 32-bit unit count.</summary>
        public const ulong MaxRequestBytes = 1UL << 34;

        /// <summary>Largest alignment accepted (1 GiB).</summary>
        public const ulong MaxAlignment = 1UL << 30;

        /// <summary>Smallest region the heap asks for when it grows (64 KiB); bigger requests get a bigger region.</summary>
        public const ulong MinGrowthBytes = 64 * 1024;

        /// <summary>
        /// Block bytes for a request: payload rounded up to 8, plus the header, at least
        /// <see cref="BlockHeader.MinBlockBytes"/>. 0 when the request is too big.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong BlockBytesFor(ulong size)
        {
            if (size > MaxRequestBytes)
                return 0;
            ulong bytes = ((size + 7) & ~7UL) + BlockHeader.Size;
            return bytes < BlockHeader.MinBlockBytes ? BlockHeader.MinBlockBytes : bytes;
        }

        /// <summary>The alignment to use: 0..8 become 8; 0 when it is not a power of two or too big.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong NormalizeAlignment(ulong alignment)
        {
            if (alignment <= 8)
                return 8;
            if ((alignment & (alignment - 1)) != 0 || alignment > MaxAlignment)
                return 0;
            return alignment;
        }

        /// <summary>
        /// Where a request of <paramref name="need"/> block bytes goes inside a free block:
        /// the number of bytes left free in front of it, or <see cref="NoFit"/>. The payload
        /// goes at the first aligned address whose gap is 0 or big enough to stay a free block
        /// (at least MinBlockBytes): a smaller gap could not hold a header, a tree node and a footer.
        /// </summary>
        public static ulong FitGap(BlockHeader* block, ulong blockBytes, ulong need, ulong alignment)
        {
            if (blockBytes < need)
                return NoFit;
            if (alignment <= 8)
                return 0;
            ulong start = (ulong)block;
            ulong payload = (start + BlockHeader.Size + alignment - 1) & ~(alignment - 1);
            ulong gap = payload - BlockHeader.Size - start;
            if (gap != 0 && gap < BlockHeader.MinBlockBytes)
                gap += (BlockHeader.MinBlockBytes - gap + alignment - 1) & ~(alignment - 1);
            return gap + need <= blockBytes ? gap : NoFit;
        }

        /// <summary>
        /// Smallest region (whole pages) whose single free block surely holds the request:
        /// the region overhead, the block, and for alignment above 8 the worst gap in front.
        /// </summary>
        public static ulong RegionBytesFor(ulong need, ulong alignment)
        {
            ulong bytes = need;
            if (alignment > 8)
                bytes += alignment + BlockHeader.MinBlockBytes;
            // The region's overhead grows with its size (its chunk table): add pages until it fits.
            ulong region = (bytes + RegionHeader.OverheadBytesFor(PageMath.PageSize) + PageMath.PageSize - 1) & ~(PageMath.PageSize - 1);
            while (region < bytes + RegionHeader.OverheadBytesFor(region))
                region += PageMath.PageSize;
            return region;
        }
    }
}
