namespace MyOS.Core.Memory.Heap
{
    /// <summary>
    /// The read-only half of HeapAllocator: classifying a pointer for the checked free, and the
    /// full heap check (regions, headers, footers, flags, totals, then the free index against
    /// the free blocks). Nothing here writes to the heap.
    /// </summary>
    public abstract unsafe partial class HeapAllocator
    {
        /// <summary>
        /// What <see cref="CheckedFree"/> would do with <paramref name="payload"/>, without freeing.
        /// Walks the pointer's region from its first block, so it is exact but O(blocks in region).
        /// </summary>
        public HeapFreeResult ClassifyPointer(byte* payload)
        {
            if (payload == null)
                return HeapFreeResult.Null;
            RegionHeader* region = _directory.Find(payload);
            if (region == null)
                return HeapFreeResult.NotInHeap;
            if (((ulong)payload & 7) != 0)
                return HeapFreeResult.Misaligned;

            BlockHeader* end = RegionHeader.EndMarker(region);
            BlockHeader* previous = null;
            BlockHeader* block = RegionHeader.FirstBlock(region);
            while (block < end)
            {
                if (!BlockHeader.IsIntact(block))
                    return HeapFreeResult.Corrupted;
                ulong bytes = block->SizeBytes;
                if (bytes < BlockHeader.MinBlockBytes || bytes > (ulong)((byte*)end - (byte*)block))
                    return HeapFreeResult.Corrupted;
                BlockHeader* next = (BlockHeader*)((byte*)block + bytes);
                if (payload < (byte*)next)
                {
                    if (payload != BlockHeader.Payload(block))
                    {
                        // Inside a free block, an intact free header is one a merge left behind.
                        BlockHeader* stale = BlockHeader.FromPayload(payload);
                        bool freedBefore = block->IsFree && stale > block && BlockHeader.IsIntact(stale) && stale->IsFree;
                        return freedBefore ? HeapFreeResult.DoubleFree : HeapFreeResult.NotBlockStart;
                    }
                    if (block->IsFree)
                        return HeapFreeResult.DoubleFree;
                    // Free reads the neighbours: refuse if either one is damaged.
                    if (!BlockHeader.IsIntact(next))
                        return HeapFreeResult.Corrupted;
                    if (block->IsPreviousFree && (previous == null || !previous->IsFree || BlockHeader.Footer(previous) != previous->Word))
                        return HeapFreeResult.Corrupted;
                    return HeapFreeResult.Ok;
                }
                previous = block;
                block = next;
            }
            return HeapFreeResult.NotBlockStart;   // the region's trailer
        }

        /// <summary>
        /// Checks the whole heap and returns the first problem found: region list, every
        /// header's check value, sizes, flags, footers, no two free blocks touching, the running
        /// totals, the free index's own structure, and that the index holds exactly the free blocks.
        /// </summary>
        public HeapCheckResult Check()
        {
            ulong regions = 0, bytes = 0, used = 0, usedCount = 0, free = 0, freeCount = 0;
            RegionHeader* previous = null;
            for (RegionHeader* region = _firstRegion; region != null; region = region->Next)
            {
                bool misplaced = ((ulong)region & (PageMath.PageSize - 1)) != 0
                    || region->Previous != previous
                    || (region->Bytes & (PageMath.PageSize - 1)) != 0
                    || region->Bytes < PageMath.PageSize
                    || region->Chunks != region->Bytes >> RegionHeader.ChunkShift
                    || region->FirstBlockOffset != RegionHeader.FirstBlockOffsetFor(region->Bytes)
                    || (previous != null && (byte*)region < (byte*)previous + previous->Bytes)
                    || regions >= _regionCount   // also stops a cycle
                    || regions >= _directory.Count || _directory.Regions[regions] != region || region->DirectoryIndex != regions;
                if (misplaced)
                    return new HeapCheckResult(HeapCheckStatus.RegionListBroken, (ulong)region);
                HeapCheckResult blocks = CheckRegion(region, ref used, ref usedCount, ref free, ref freeCount);
                if (!blocks.IsOk)
                    return blocks;
                regions++;
                bytes += region->Bytes;
                previous = region;
            }
            if (regions != _regionCount || regions != _directory.Count
                || bytes + _directory.StoragePages * PageMath.PageSize != _heapBytes || used != _usedBytes || usedCount != _usedBlocks
                || free != _freeBytes || freeCount != _freeBlocks)
            {
                return new HeapCheckResult(HeapCheckStatus.TotalsMismatch, 0);
            }

            HeapCheckResult index = CheckIndex(freeCount);
            if (!index.IsOk)
                return index;
            return CheckIndexHoldsFreeBlocks();
        }

        /// <summary>Walks one region's blocks, checking each and adding to the totals.</summary>
        private HeapCheckResult CheckRegion(RegionHeader* region, ref ulong used, ref ulong usedCount, ref ulong free, ref ulong freeCount)
        {
            BlockHeader* end = RegionHeader.EndMarker(region);
            if (!BlockHeader.IsIntact(end) || !end->IsEnd || (end->Word & BlockHeader.FlagBits & ~BlockHeader.PreviousFreeFlag) != 0
                || RegionHeader.OwnerOf(end) != region)
            {
                return new HeapCheckResult(HeapCheckStatus.RegionTrailerBroken, (ulong)end);
            }

            bool previousFree = false;
            BlockHeader* block = RegionHeader.FirstBlock(region);
            while (block != end)
            {
                HeapCheckStatus status = CheckBlock(block, previousFree, end);
                if (status != HeapCheckStatus.Ok)
                    return new HeapCheckResult(status, (ulong)block);
                ulong bytes = block->SizeBytes;
                if (block->IsFree)
                {
                    free += bytes;
                    freeCount++;
                }
                else
                {
                    used += bytes;
                    usedCount++;
                }
                previousFree = block->IsFree;
                block = (BlockHeader*)((byte*)block + bytes);
            }
            if (end->IsPreviousFree != previousFree)
                return new HeapCheckResult(HeapCheckStatus.PreviousFreeWrong, (ulong)end);
            return new HeapCheckResult(HeapCheckStatus.Ok, 0);
        }

        /// <summary>
        /// One block of a region whose end marker is <paramref name="end"/>: an intact header, a
        /// size that fits before the end marker, only the flags its state allows, PreviousFree
        /// equal to <paramref name="previousFree"/> (and not free after a free block), and a free
        /// block's footer repeating its header. Used by the whole-heap walk and by the debug checks.
        /// </summary>
        protected static HeapCheckStatus CheckBlock(BlockHeader* block, bool previousFree, BlockHeader* end)
        {
            if (!BlockHeader.IsIntact(block))
                return HeapCheckStatus.HeaderCorrupted;
            ulong bytes = block->SizeBytes;
            if (bytes < BlockHeader.MinBlockBytes || bytes > (ulong)((byte*)end - (byte*)block))
                return HeapCheckStatus.BlockSizeBad;
            if (block->IsFree && previousFree)
                return HeapCheckStatus.AdjacentFreeBlocks;
            ulong allowed = block->IsFree ? BlockHeader.FreeFlag : BlockHeader.PreviousFreeFlag | BlockHeader.ManagedFlag;
            if ((block->Word & BlockHeader.FlagBits & ~allowed) != 0)
                return HeapCheckStatus.FlagsBad;
            if (block->IsPreviousFree != previousFree)
                return HeapCheckStatus.PreviousFreeWrong;
            if (block->IsFree && BlockHeader.Footer(block) != block->Word)
                return HeapCheckStatus.FooterMismatch;
            return HeapCheckStatus.Ok;
        }

        /// <summary>
        /// Compares the free index, in address order, with the free blocks met walking the
        /// regions in address order: both sequences must be the same.
        /// </summary>
        private HeapCheckResult CheckIndexHoldsFreeBlocks()
        {
            BlockHeader* indexed = FirstIndexed();
            for (RegionHeader* region = _firstRegion; region != null; region = region->Next)
            {
                BlockHeader* end = RegionHeader.EndMarker(region);
                for (BlockHeader* block = RegionHeader.FirstBlock(region); block != end; block = BlockHeader.Next(block))
                {
                    if (!block->IsFree)
                        continue;
                    if (indexed == null || indexed > block)
                        return new HeapCheckResult(HeapCheckStatus.IndexMissingBlock, (ulong)block);
                    if (indexed != block)
                        return new HeapCheckResult(HeapCheckStatus.IndexExtraBlock, (ulong)indexed);
                    indexed = NextIndexed(indexed);
                }
            }
            if (indexed != null)
                return new HeapCheckResult(HeapCheckStatus.IndexExtraBlock, (ulong)indexed);
            return new HeapCheckResult(HeapCheckStatus.Ok, 0);
        }

        /// <summary>
        /// Checks the free index's own structure (order, links, and for a tree its heights and
        /// maxima) and that it has <paramref name="freeBlockCount"/> entries, each in a free
        /// block. Must stop on cycles. Runs after the block walk found the blocks sound.
        /// </summary>
        protected abstract HeapCheckResult CheckIndex(ulong freeBlockCount);

        /// <summary>The lowest-address block in the free index; null when it is empty.</summary>
        protected abstract BlockHeader* FirstIndexed();

        /// <summary>The block after <paramref name="block"/> in the free index, in address order; null at the end.</summary>
        protected abstract BlockHeader* NextIndexed(BlockHeader* block);
    }
}
