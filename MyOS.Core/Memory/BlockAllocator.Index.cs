namespace MyOS.Core.Memory
{
    /// <summary>
    /// The block allocator's free index, after R. P. Brent (1989): each region is cut into
    /// 4 KiB chunks by address; per chunk the region's table keeps the size of the largest free
    /// block starting in it (the leaves of the region's MaximaTree) and the offset of the first
    /// one; the directory's MaximaTree keeps each region's largest. First fit is one descent in
    /// the directory, one in the region, and a short walk of the chunk's headers from its first
    /// free block. Updates touch the chunk of the block that changed and pass a new maximum up
    /// only as far as it changes anything. No pointers live in free blocks.
    /// </summary>
    public sealed unsafe partial class BlockAllocator
    {
        /// <summary>Chunk table entries of a new region: no free block anywhere yet.</summary>
        static void InitializeIndex(RegionHeader* region) => MaximaTree.Clear(RegionHeader.ChunkMaxima(region), region->Chunks);

        /// <summary>The chunk of <paramref name="region"/> that <paramref name="address"/> lies in.</summary>
        static uint ChunkOf(RegionHeader* region, void* address) =>
            (uint)(((ulong)address - (ulong)region) >> RegionHeader.ChunkShift);

        /// <summary>Position of a block inside its chunk in 8-byte units (regions, hence chunks, are page aligned).</summary>
        static ushort OffsetInChunk(BlockHeader* block) => (ushort)(((ulong)block & (RegionHeader.ChunkBytes - 1)) >> 3);

        /// <summary>The first free block starting in chunk <paramref name="chunk"/> (valid when the chunk's maximum is not 0).</summary>
        static BlockHeader* FirstFreeIn(RegionHeader* region, uint chunk) =>
            (BlockHeader*)((byte*)region + ((ulong)chunk << RegionHeader.ChunkShift) + ((ulong)RegionHeader.ChunkFirstFree(region)[chunk] << 3));

        /// <summary>A free block now starts at <paramref name="block"/> with its current size, or one that started there grew.</summary>
        void FreeStartAdded(RegionHeader* region, BlockHeader* block)
        {
            uint chunk = ChunkOf(region, block);
            uint* maxima = RegionHeader.ChunkMaxima(region);
            ushort* firsts = RegionHeader.ChunkFirstFree(region);
            ushort offset = OffsetInChunk(block);
            uint known = maxima[chunk];
            if (known == 0 || offset < firsts[chunk])
                firsts[chunk] = offset;
            uint units = block->SizeUnits;
            if (units > known)
                SetChunkMax(region, chunk, units);
        }

        /// <summary>
        /// The free block that started at <paramref name="gone"/> (<paramref name="goneUnits"/>
        /// long) is no longer free or no longer starts there. <paramref name="hint"/> is a block
        /// start now, at or before the next free block after <paramref name="gone"/>.
        /// </summary>
        void FreeStartGone(RegionHeader* region, BlockHeader* gone, uint goneUnits, BlockHeader* hint)
        {
            uint chunk = ChunkOf(region, gone);
            if (RegionHeader.ChunkFirstFree(region)[chunk] == OffsetInChunk(gone))
            {
                RefreshChunk(region, chunk, hint);
            }
            else if (goneUnits == RegionHeader.ChunkMaxima(region)[chunk])
            {
                BlockHeader* first = FirstFreeIn(region, chunk);
                RefreshChunk(region, chunk, first < hint ? first : hint);
            }
        }

        /// <summary>The free block at <paramref name="block"/> shrank from <paramref name="oldUnits"/>; its start stays.</summary>
        void FreeStartShrunk(RegionHeader* region, BlockHeader* block, uint oldUnits)
        {
            uint chunk = ChunkOf(region, block);
            if (oldUnits == RegionHeader.ChunkMaxima(region)[chunk])
                RefreshChunk(region, chunk, FirstFreeIn(region, chunk));
        }

        /// <summary>
        /// Recomputes a chunk's first free block and largest free size by walking its headers
        /// from <paramref name="from"/>, a block start at or before its first free block.
        /// </summary>
        void RefreshChunk(RegionHeader* region, uint chunk, BlockHeader* from)
        {
            byte* chunkStart = (byte*)region + ((ulong)chunk << RegionHeader.ChunkShift);
            byte* chunkEnd = chunkStart + RegionHeader.ChunkBytes;
            BlockHeader* block = from;
            while ((byte*)block < chunkStart && !block->IsEnd)
                block = BlockHeader.Next(block);
            uint max = 0;
            BlockHeader* first = null;
            while ((byte*)block < chunkEnd && !block->IsEnd)
            {
                if (block->IsFree)
                {
                    if (first == null)
                        first = block;
                    uint units = block->SizeUnits;
                    max = units > max ? units : max;
                }
                block = BlockHeader.Next(block);
            }
            if (first != null)
                RegionHeader.ChunkFirstFree(region)[chunk] = OffsetInChunk(first);
            SetChunkMax(region, chunk, max);
        }

        /// <summary>Sets a chunk's largest free size and passes a changed region maximum on to the directory.</summary>
        void SetChunkMax(RegionHeader* region, uint chunk, uint units)
        {
            uint index = region->DirectoryIndex;
            uint regionMax = directory.Maxima[index];
            uint max = MaximaTree.Set(RegionHeader.ChunkMaxima(region), region->Chunks, chunk, units, regionMax);
            if (max != regionMax)
                directory.SetValue(index, max);
        }

        /// <summary>The lowest-address free block of at least <paramref name="needUnits"/>, and its region; null when none.</summary>
        BlockHeader* FindFirstFit(uint needUnits, out RegionHeader* region)
        {
            region = null;
            if (directory.Max < needUnits)
                return null;
            uint index = MaximaTree.FindFirst(directory.Maxima, directory.Capacity, needUnits);
            if (index == MaximaTree.None)
                return null;
            region = directory.Regions[index];
            uint chunk = MaximaTree.FindFirst(RegionHeader.ChunkMaxima(region), region->Chunks, needUnits);
            if (chunk == MaximaTree.None)
                return null;
            byte* chunkEnd = (byte*)region + ((ulong)(chunk + 1) << RegionHeader.ChunkShift);
            for (BlockHeader* block = FirstFreeIn(region, chunk); (byte*)block < chunkEnd && !block->IsEnd; block = BlockHeader.Next(block))
            {
                if (block->IsFree && block->SizeUnits >= needUnits)
                    return block;
            }
            return null;   // only if the chunk's entry is wrong (a damaged heap); the heap check reports it
        }

        /// <summary>
        /// The lowest-address free block that holds <paramref name="need"/> bytes at the alignment,
        /// its region and the gap in front of the allocation; null when none does. At alignment 8
        /// the first block big enough always fits; above 8 a big-enough block may still miss after
        /// padding, so the candidates are tried in address order (chunk by chunk, region by region,
        /// skipping every chunk and region whose maximum is too small) until one fits.
        /// </summary>
        BlockHeader* FindFit(ulong need, ulong alignment, out RegionHeader* region, out ulong gap)
        {
            uint needUnits = (uint)(need >> 3);
            gap = 0;
            if (alignment <= 8)
                return FindFirstFit(needUnits, out region);
            region = null;
            if (directory.Max < needUnits)
                return null;
            for (uint index = MaximaTree.FindFirst(directory.Maxima, directory.Capacity, needUnits);
                 index != MaximaTree.None;
                 index = MaximaTree.FindFrom(directory.Maxima, directory.Capacity, needUnits, index + 1))
            {
                region = directory.Regions[index];
                uint* maxima = RegionHeader.ChunkMaxima(region);
                for (uint chunk = MaximaTree.FindFirst(maxima, region->Chunks, needUnits);
                     chunk != MaximaTree.None;
                     chunk = MaximaTree.FindFrom(maxima, region->Chunks, needUnits, chunk + 1))
                {
                    byte* chunkEnd = (byte*)region + ((ulong)(chunk + 1) << RegionHeader.ChunkShift);
                    for (BlockHeader* block = FirstFreeIn(region, chunk); (byte*)block < chunkEnd && !block->IsEnd; block = BlockHeader.Next(block))
                    {
                        if (!block->IsFree || block->SizeUnits < needUnits)
                            continue;
                        gap = BlockPlacement.FitGap(block, block->SizeBytes, need, alignment);
                        if (gap != BlockPlacement.NoFit)
                            return block;
                    }
                }
            }
            gap = 0;
            return null;
        }
    }
}
