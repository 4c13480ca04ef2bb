namespace MyOS.Core.Memory.Heap
{
    // The heap's debug checks (InvariantChecks, kernel option verify=1), run after every
    // allocation and free around the block the operation left behind: the headers it wrote and
    // its neighbour's (HeapAllocator.CheckBlock, as the whole-heap walk checks each block), the
    // free lists of the chunks those blocks start in, the region's maxima tree and its
    // directory entry, and the directory's tree. Local, so a check costs a few chunks and two
    // trees rather than a walk of the whole heap (Check() does that).
    public sealed unsafe partial class BlockAllocator
    {
        /// <summary>Checks the invariants around <paramref name="block"/> in <paramref name="region"/> (null: the region was released); reports the first broken one.</summary>
        private void VerifyAround(RegionHeader* region, BlockHeader* block)
        {
            HeapCheckResult result = region == null ? CheckDirectory() : CheckAround(region, block);
            if (!result.IsOk)
                InvariantChecks.Fail(InvariantViolation.Heap, (uint)result.Status, result.Address);
        }

        /// <summary>
        /// Before an operation rewrites <paramref name="block"/>'s neighbours' headers (which
        /// gives them fresh check values): the block after it, and the free block before it,
        /// must be intact, or the rewrite would hide the damage.
        /// </summary>
        private static void VerifyBeforeWrite(BlockHeader* block)
        {
            BlockHeader* next = BlockHeader.Next(block);
            ulong damaged = 0;
            if (!BlockHeader.IsIntact(next))
                damaged = (ulong)next;
            else if (block->IsPreviousFree && !BlockHeader.IsIntact(BlockHeader.Previous(block)))
                damaged = (ulong)BlockHeader.Previous(block);
            if (damaged != 0)
                InvariantChecks.Fail(InvariantViolation.Heap, (uint)HeapCheckStatus.HeaderCorrupted, damaged);
        }

        private HeapCheckResult CheckAround(RegionHeader* region, BlockHeader* block)
        {
            if (block->IsPreviousFree)
                block = BlockHeader.Previous(block);   // the free block on the left is what the operation may have grown
            // The block's own PreviousFree flag stands for the block before it, which is not checked here.
            BlockHeader* end = RegionHeader.EndMarker(region);
            HeapCheckStatus status = CheckBlock(block, block->IsPreviousFree, end);
            if (status != HeapCheckStatus.Ok)
                return new HeapCheckResult(status, (ulong)block);
            BlockHeader* next = BlockHeader.Next(block);
            if (next == end)
            {
                status = !BlockHeader.IsIntact(end) ? HeapCheckStatus.RegionTrailerBroken
                    : end->IsPreviousFree != block->IsFree ? HeapCheckStatus.PreviousFreeWrong : HeapCheckStatus.Ok;
            }
            else
            {
                status = CheckBlock(next, block->IsFree, end);
            }
            if (status != HeapCheckStatus.Ok)
                return new HeapCheckResult(status, (ulong)next);
            HeapCheckResult chunk = CheckChunkList(region, ChunkOf(region, block), block);
            if (!chunk.IsOk)
                return chunk;
            if (next != end)
            {
                chunk = CheckChunkList(region, ChunkOf(region, next), next);
                if (!chunk.IsOk)
                    return chunk;
            }
            // Above the chunks' exact entries a value may overstate, never understate.
            uint regionMax;
            if (!MaximaTree.NeverUnderstates(RegionHeader.ChunkMaxima(region), region->Chunks, out regionMax)
                || _directory.Maxima[region->DirectoryIndex] < regionMax)
            {
                return new HeapCheckResult(HeapCheckStatus.IndexMax, (ulong)region);
            }
            return CheckDirectory();
        }

        /// <summary>
        /// A chunk's list: free, intact blocks that start in the chunk, in address order, the
        /// largest equal to the chunk's maximum, and <paramref name="block"/> on it if it is free.
        /// </summary>
        private static HeapCheckResult CheckChunkList(RegionHeader* region, uint chunk, BlockHeader* block)
        {
            byte* chunkStart = (byte*)region + ((ulong)chunk << RegionHeader.ChunkShift);
            byte* chunkEnd = chunkStart + RegionHeader.ChunkBytes;
            uint max = 0;
            bool listed = false;
            BlockHeader* previous = null;
            uint steps = 0;
            for (BlockHeader* entry = FirstFreeIn(region, chunk); entry != null; entry = *NextInChunk(entry))
            {
                if ((byte*)entry < chunkStart || (byte*)entry >= chunkEnd || entry <= previous
                    || ++steps > RegionHeader.ChunkBytes / BlockHeader.MinBlockBytes)
                {
                    return new HeapCheckResult(HeapCheckStatus.IndexOrder, (ulong)entry);
                }
                if (!BlockHeader.IsIntact(entry) || !entry->IsFree)
                    return new HeapCheckResult(HeapCheckStatus.IndexExtraBlock, (ulong)entry);
                if (entry->SizeUnits > max)
                    max = entry->SizeUnits;
                listed |= entry == block;
                previous = entry;
            }
            if (block->IsFree && !listed)
                return new HeapCheckResult(HeapCheckStatus.IndexMissingBlock, (ulong)block);
            if (RegionHeader.ChunkMaxima(region)[chunk] != max)
                return new HeapCheckResult(HeapCheckStatus.IndexMax, (ulong)chunkStart);
            return new HeapCheckResult(HeapCheckStatus.Ok, 0);
        }

        /// <summary>The directory's maxima tree against its leaves, and its maximum against the tree (each at least what it summarises).</summary>
        private HeapCheckResult CheckDirectory()
        {
            uint max;
            if (_directory.Capacity != 0 && (!MaximaTree.NeverUnderstates(_directory.Maxima, _directory.Count, out max) || max > _directory.Max))
                return new HeapCheckResult(HeapCheckStatus.IndexMax, 0);
            return new HeapCheckResult(HeapCheckStatus.Ok, 0);
        }
    }
}
