namespace MyOS.Core.Memory.Heap
{
    /// <summary>
    /// The kernel heap: address-ordered first fit over blocks with 8-byte headers, free blocks
    /// found through a chunked index (BlockAllocator.Index.cs: per region a maxima tree over
    /// its 4 KiB chunks, over the regions the directory's maxima tree), so placement equals the
    /// linear walk's at a cost of a few cache lines per request. Invariant: no two free blocks
    /// touch, a block's PreviousFree flag says whether the block before it is free, and every
    /// chunk's entry gives the largest free block starting in it and the first one.
    /// </summary>
    public sealed unsafe partial class BlockAllocator : HeapAllocator
    {
        /// <summary>
        /// Nodes a first-fit search reads before it walks a chunk: the directory tree's levels plus
        /// the deepest region tree's (a 64 KiB region has one); 0 for an empty heap.
        /// </summary>
        public uint IndexLevels
        {
            get
            {
                if (_directory.Count == 0)
                    return 0;
                uint deepest = 0;
                for (uint i = 0; i < _directory.Count; i++)
                {
                    uint levels = MaximaTree.Levels(_directory.Regions[i]->Chunks);
                    deepest = levels > deepest ? levels : deepest;
                }
                return MaximaTree.Levels(_directory.Count) + deepest;
            }
        }

        /// <summary>Makes an empty heap; it takes its first region on the first allocation.</summary>
        public BlockAllocator(PageSource pageSource) : base(pageSource)
        {
        }

        /// <inheritdoc/>
        public override byte* Allocate(ulong size, ulong alignment, bool managed)
        {
            ulong need = BlockPlacement.BlockBytesFor(size);
            alignment = BlockPlacement.NormalizeAlignment(alignment);
            if (need == 0 || alignment == 0)
                return null;

            RegionHeader* region;
            ulong gap;
            BlockHeader* block = FindFit(need, alignment, out region, out gap);
            if (block == null)
            {
                // Nothing fits anywhere, so the new region's single block is the first fit.
                block = Grow(need, alignment, out region);
                if (block == null)
                    return null;
                gap = BlockPlacement.FitGap(block, block->SizeBytes, need, alignment);
            }
            return Carve(region, block, gap, need, managed);
        }

        /// <summary>
        /// The runtime's `new`: <paramref name="size"/> zeroed bytes, 8-byte aligned, in a block
        /// marked managed; null when memory runs out. The same placement as Allocate(size, 8,
        /// true), by a direct (non-virtual) call with nothing computed twice, zeroing 32 bytes
        /// per step.
        /// </summary>
        public byte* AllocateManaged(ulong size)
        {
            ulong need = BlockPlacement.BlockBytesFor(size);
            if (need == 0)
                return null;
            RegionHeader* region;
            BlockHeader* block = FindFirstFit((uint)(need >> 3), out region);
            if (block == null)
            {
                block = Grow(need, 8, out region);
                if (block == null)
                    return null;
            }
            byte* payload = Carve(region, block, 0, need, true);
            ZeroWords((ulong*)payload, (size + 7) >> 3);
            return payload;
        }

        /// <summary>
        /// Sets <paramref name="words"/> 8-byte words to 0: 64 bytes per step as one struct store
        /// (which the compiler turns into 16-byte vector stores), and the last ones by stores that
        /// overlap what is already zero, so there is no loop over the tail.
        /// </summary>
        private static void ZeroWords(ulong* word, ulong words)
        {
            ulong* end = word + words;
            if (words >= 8)
            {
                do
                {
                    *(ZeroLine*)word = default;
                    word += 8;
                }
                while (word + 8 <= end);
                *(ZeroLine*)(end - 8) = default;
            }
            else if (words >= 4)
            {
                *(ZeroHalfLine*)word = default;
                *(ZeroHalfLine*)(end - 4) = default;
            }
            else if (words != 0)
            {
                word[0] = 0;
                word[words >> 1] = 0;
                end[-1] = 0;
            }
        }

        /// <summary>64 bytes, stored whole by ZeroWords.</summary>
        private struct ZeroLine
        {
            public ZeroHalfLine Low;
            public ZeroHalfLine High;
        }

        /// <summary>32 bytes, stored whole by ZeroWords.</summary>
        private struct ZeroHalfLine
        {
            public ulong W0;
            public ulong W1;
            public ulong W2;
            public ulong W3;
        }

        /// <inheritdoc/>
        public override void Free(byte* payload)
        {
            if (payload == null)
                return;
            BlockHeader* block = BlockHeader.FromPayload(payload);
            if (!BlockHeader.IsIntact(block) || block->IsFree)
                return;
            RegionHeader* region = _directory.Find(payload);
            if (region == null)
                return;

            if (InvariantChecks.Enabled)
                VerifyBeforeWrite(block);
            ulong bytes = block->SizeBytes;
            BlockHeader* next = (BlockHeader*)((byte*)block + bytes);
            _usedBytes -= bytes;
            _usedBlocks--;
            _freeBytes += bytes;

            BlockHeader* merged;
            BlockHeader* goneRight = null;   // a free right neighbour swallowed by the merge
            uint goneRightUnits = 0;
            if (block->IsPreviousFree)
            {
                // Grow the free block on the left over this one, and over the right neighbour
                // too when that one is free.
                merged = BlockHeader.Previous(block);
                BlockHeader.Write(block, bytes, BlockHeader.FreeFlag);   // a stale free header: a second free is seen as DoubleFree
                ulong total = merged->SizeBytes + bytes;
                if (next->IsFree)
                {
                    goneRight = next;
                    goneRightUnits = next->SizeUnits;
                    total += next->SizeBytes;
                    _freeBlocks--;
                }
                else
                {
                    BlockHeader.SetPreviousFree(next, true);
                }
                BlockHeader.WriteFree(merged, total);
            }
            else
            {
                merged = block;
                ulong total = bytes;
                if (next->IsFree)
                {
                    // Take over the right neighbour, starting lower.
                    goneRight = next;
                    goneRightUnits = next->SizeUnits;
                    total += next->SizeBytes;
                }
                else
                {
                    BlockHeader.SetPreviousFree(next, true);
                    _freeBlocks++;
                }
                BlockHeader.WriteFree(merged, total);
            }

            RegionHeader* empty = RegionToRelease(merged);
            if (empty != null)
            {
                ReleaseRegion(empty);   // its chunk table goes with it
                if (InvariantChecks.Enabled)
                    VerifyAround(null, null);
                return;
            }
            if (merged != block)
            {
                // The free block on the left grew (over this one, and maybe its right neighbour).
                if (goneRight != null)
                    FreeStartGone(region, goneRight, goneRightUnits);
                FreeStartGrew(region, merged);
            }
            else if (goneRight != null)
            {
                FreeStartMoved(region, goneRight, goneRightUnits, merged);
            }
            else
            {
                FreeStartAdded(region, merged);
            }
            if (InvariantChecks.Enabled)
                VerifyAround(region, merged);
        }

        /// <inheritdoc/>
        protected override void ForgetFreeBlock(BlockHeader* block)
        {
            // Only called for a region's single free block just before the region is released:
            // the region's chunk table and directory entry go with it.
        }

        /// <summary>
        /// Takes a new region for a request nothing fits, indexes its single free block and
        /// returns it (null when the page source has nothing).
        /// </summary>
        private BlockHeader* Grow(ulong need, ulong alignment, out RegionHeader* region)
        {
            region = null;
            BlockHeader* block = AddRegion(need, alignment);
            if (block == null)
                return null;
            region = RegionHeader.OwnerOf(BlockHeader.Next(block));   // the block fills the region: after it, the end marker
            InitializeIndex(region);
            FreeStartAdded(region, block);
            return block;
        }

        /// <summary>
        /// Cuts an allocated block of <paramref name="need"/> bytes out of a free block at
        /// <paramref name="gap"/> bytes from its start. The gap (0 or a whole block) stays free in
        /// place; a remainder too small to be a block is added to the allocation.
        /// </summary>
        private byte* Carve(RegionHeader* region, BlockHeader* free, ulong gap, ulong need, bool managed)
        {
            if (InvariantChecks.Enabled)
                VerifyBeforeWrite(free);
            uint oldUnits = free->SizeUnits;
            ulong rest = free->SizeBytes - gap - need;
            if (rest < BlockHeader.MinBlockBytes)
            {
                need += rest;
                rest = 0;
            }
            BlockHeader* used = (BlockHeader*)((byte*)free + gap);
            BlockHeader* after = (BlockHeader*)((byte*)used + need);

            if (gap == 0)
            {
                if (rest == 0)
                {
                    _freeBlocks--;
                    BlockHeader.SetPreviousFree(after, false);
                }
                else
                {
                    BlockHeader.WriteFree(after, rest);
                }
            }
            else
            {
                BlockHeader.WriteFree(free, gap);
                if (rest == 0)
                {
                    BlockHeader.SetPreviousFree(after, false);
                }
                else
                {
                    BlockHeader.WriteFree(after, rest);
                    _freeBlocks++;
                }
            }

            ulong flags = (gap != 0 ? BlockHeader.PreviousFreeFlag : 0) | (managed ? BlockHeader.ManagedFlag : 0);
            BlockHeader.Write(used, need, flags);
            _usedBytes += need;
            _usedBlocks++;
            _freeBytes -= need;

            // The index: the free block's start is gone or moved (gap 0), or it shrank; a remainder after a gap is new.
            if (gap == 0)
            {
                if (rest == 0)
                    FreeStartGone(region, free, oldUnits);
                else
                    FreeStartMoved(region, free, oldUnits, after);
            }
            else
            {
                FreeStartShrunk(region, free, oldUnits);
                if (rest != 0)
                    FreeStartAdded(region, after);
            }
            if (InvariantChecks.Enabled)
                VerifyAround(region, used);
            return BlockHeader.Payload(used);
        }

        /// <inheritdoc/>
        protected override ulong LargestFreeBytes()
        {
            // The chunks' entries are exact (the levels above them may overstate): O(chunks).
            uint largest = 0;
            for (RegionHeader* region = _firstRegion; region != null; region = region->Next)
            {
                uint* maxima = RegionHeader.ChunkMaxima(region);
                for (uint chunk = 0; chunk < region->Chunks; chunk++)
                    largest = maxima[chunk] > largest ? maxima[chunk] : largest;
            }
            return (ulong)largest << 3;
        }
    }
}
