namespace MyOS.Core.Memory.Heap
{
    /// <summary>
    /// The heap check's view of the block allocator's free index: every chunk's largest free
    /// size and first free block recomputed from the blocks (exact), every maxima tree's upper
    /// levels and the directory's values against what they summarise (at least that: they may
    /// overstate, never understate). Read-only, the lookup hints aside (a pointer's region is
    /// found through them); it runs after the block walk found the blocks and the region list sound.
    /// </summary>
    public sealed unsafe partial class BlockAllocator
    {
        /// <inheritdoc/>
        protected override HeapCheckResult CheckIndex(ulong freeBlockCount)
        {
            for (uint index = 0; index < _directory.Count; index++)
            {
                RegionHeader* region = _directory.Regions[index];
                HeapCheckResult chunks = CheckChunks(region);
                if (!chunks.IsOk)
                    return chunks;
                // Above the chunks' exact entries a value may overstate, never understate.
                uint regionMax;
                if (!MaximaTree.NeverUnderstates(RegionHeader.ChunkMaxima(region), region->Chunks, out regionMax)
                    || _directory.Maxima[index] < regionMax)
                {
                    return new HeapCheckResult(HeapCheckStatus.IndexMax, (ulong)region);
                }
            }
            return CheckDirectory();
        }

        /// <summary>
        /// Walks a region's blocks once and compares each chunk's entry and list with the free
        /// blocks starting in it: the largest size, and the list naming exactly those blocks in order.
        /// </summary>
        private static HeapCheckResult CheckChunks(RegionHeader* region)
        {
            uint* maxima = RegionHeader.ChunkMaxima(region);
            BlockHeader* end = RegionHeader.EndMarker(region);
            BlockHeader* block = RegionHeader.FirstBlock(region);
            for (uint chunk = 0; chunk < region->Chunks; chunk++)
            {
                byte* chunkEnd = (byte*)region + ((ulong)(chunk + 1) << RegionHeader.ChunkShift);
                uint max = 0;
                BlockHeader* listed = FirstFreeIn(region, chunk);
                for (; block < end && (byte*)block < chunkEnd; block = BlockHeader.Next(block))
                {
                    if (!block->IsFree)
                        continue;
                    if (listed != block)
                        return new HeapCheckResult(HeapCheckStatus.IndexMissingBlock, (ulong)block);
                    listed = *NextInChunk(block);   // read only from a block known to be free
                    if (block->SizeUnits > max)
                        max = block->SizeUnits;
                }
                if (listed != null)
                    return new HeapCheckResult(HeapCheckStatus.IndexExtraBlock, (ulong)listed);
                if (maxima[chunk] != max)
                    return new HeapCheckResult(HeapCheckStatus.IndexMax, (ulong)chunkEnd - RegionHeader.ChunkBytes);
            }
            return new HeapCheckResult(HeapCheckStatus.Ok, 0);
        }

        /// <inheritdoc/>
        protected override BlockHeader* FirstIndexed() => FirstIndexedFrom(0, 0);

        /// <inheritdoc/>
        protected override BlockHeader* NextIndexed(BlockHeader* block)
        {
            uint index = _directory.IndexOf((byte*)block);
            if (index == MaximaTree.None)
                return null;
            RegionHeader* region = _directory.Regions[index];
            BlockHeader* next = *NextInChunk(block);
            if (next != null)
                return next;
            uint chunk = ChunkOf(region, block);
            return FirstIndexedFrom(index, chunk + 1);
        }

        /// <summary>The first free block the index names at or after chunk <paramref name="chunk"/> of region <paramref name="index"/>.</summary>
        private BlockHeader* FirstIndexedFrom(uint index, uint chunk)
        {
            for (; index < _directory.Count; index++, chunk = 0)
            {
                RegionHeader* region = _directory.Regions[index];
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
