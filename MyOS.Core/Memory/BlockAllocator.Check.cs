namespace MyOS.Core.Memory
{
    /// <summary>
    /// The heap check's view of the block allocator's free index: every chunk's largest free
    /// size and first free block recomputed from the blocks, every maxima tree's upper levels
    /// recomputed from their leaves, and the directory's values against the regions' maxima.
    /// Read-only; it runs after the block walk found the blocks and the region list sound.
    /// </summary>
    public sealed unsafe partial class BlockAllocator
    {
        /// <inheritdoc/>
        protected override HeapCheckResult CheckIndex(ulong freeBlockCount)
        {
            for (uint index = 0; index < directory.Count; index++)
            {
                RegionHeader* region = directory.Regions[index];
                HeapCheckResult chunks = CheckChunks(region);
                if (!chunks.IsOk)
                    return chunks;
                uint regionMax;
                if (!MaximaTree.IsConsistent(RegionHeader.ChunkMaxima(region), region->Chunks, out regionMax)
                    || directory.Maxima[index] != regionMax)
                    return new HeapCheckResult(HeapCheckStatus.IndexMax, (ulong)region);
            }
            for (uint index = directory.Count; index < directory.Capacity; index++)
                if (directory.Maxima[index] != 0)
                    return new HeapCheckResult(HeapCheckStatus.IndexMax, 0);
            uint max;
            if (directory.Capacity != 0 && (!MaximaTree.IsConsistent(directory.Maxima, directory.Capacity, out max) || max != directory.Max))
                return new HeapCheckResult(HeapCheckStatus.IndexMax, 0);
            return new HeapCheckResult(HeapCheckStatus.Ok, 0);
        }

        /// <summary>Walks a region's blocks once and compares each chunk's entry with the free blocks starting in it.</summary>
        static HeapCheckResult CheckChunks(RegionHeader* region)
        {
            uint* maxima = RegionHeader.ChunkMaxima(region);
            ushort* firsts = RegionHeader.ChunkFirstFree(region);
            BlockHeader* end = RegionHeader.EndMarker(region);
            BlockHeader* block = RegionHeader.FirstBlock(region);
            for (uint chunk = 0; chunk < region->Chunks; chunk++)
            {
                byte* chunkEnd = (byte*)region + ((ulong)(chunk + 1) << RegionHeader.ChunkShift);
                uint max = 0;
                BlockHeader* first = null;
                for (; block < end && (byte*)block < chunkEnd; block = BlockHeader.Next(block))
                {
                    if (!block->IsFree)
                        continue;
                    if (first == null)
                        first = block;
                    if (block->SizeUnits > max)
                        max = block->SizeUnits;
                }
                if (maxima[chunk] != max)
                    return new HeapCheckResult(HeapCheckStatus.IndexMax, (ulong)chunkEnd - RegionHeader.ChunkBytes);
                if (first != null && firsts[chunk] != OffsetInChunk(first))
                    return new HeapCheckResult(HeapCheckStatus.IndexMissingBlock, (ulong)first);
            }
            return new HeapCheckResult(HeapCheckStatus.Ok, 0);
        }

        /// <inheritdoc/>
        protected override BlockHeader* FirstIndexed() => FirstIndexedFrom(0, 0);

        /// <inheritdoc/>
        protected override BlockHeader* NextIndexed(BlockHeader* block)
        {
            uint index = directory.IndexOf((byte*)block);
            if (index == MaximaTree.None)
                return null;
            RegionHeader* region = directory.Regions[index];
            uint chunk = ChunkOf(region, block);
            byte* chunkEnd = (byte*)region + ((ulong)(chunk + 1) << RegionHeader.ChunkShift);
            for (BlockHeader* next = BlockHeader.Next(block); (byte*)next < chunkEnd && !next->IsEnd; next = BlockHeader.Next(next))
                if (next->IsFree)
                    return next;
            return FirstIndexedFrom(index, chunk + 1);
        }

        /// <summary>The first free block the index names at or after chunk <paramref name="chunk"/> of region <paramref name="index"/>.</summary>
        BlockHeader* FirstIndexedFrom(uint index, uint chunk)
        {
            for (; index < directory.Count; index++, chunk = 0)
            {
                RegionHeader* region = directory.Regions[index];
                uint found = chunk < region->Chunks
                    ? MaximaTree.FindFrom(RegionHeader.ChunkMaxima(region), region->Chunks, 1, chunk)
                    : MaximaTree.None;
                if (found != MaximaTree.None)
                    return FirstFreeIn(region, found);
            }
            return null;
        }
    }
}
