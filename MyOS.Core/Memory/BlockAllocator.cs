namespace MyOS.Core.Memory
{
    /// <summary>
    /// The kernel heap: address-ordered first fit over blocks with 8-byte headers, free blocks
    /// indexed by an AVL tree that lives inside them (FreeBlockTree), so placement equals the
    /// linear walk's but costs O(log n). Invariant: every free block is in the tree, no two free
    /// blocks touch, and a block's PreviousFree flag says whether the block before it is free.
    /// </summary>
    public sealed unsafe class BlockAllocator : HeapAllocator
    {
        /// <summary>All free blocks, by address, with child maxima for the first-fit descent.</summary>
        FreeBlockTree tree;

        /// <summary>
        /// Height of the free-block tree, 0 when it is empty: each first-fit descent, insertion and
        /// removal walks at most this many nodes, so it is the O(log n) in the heap's cost.
        /// </summary>
        public uint FreeTreeHeight => tree.Root == null ? 0 : tree.Root->Height;

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

            ulong gap;
            BlockHeader* block = FindFit(need, alignment, out gap);
            if (block == null)
            {
                // Nothing fits anywhere, so the new region's single block is the first fit.
                block = AddRegion(need, alignment);
                if (block == null)
                    return null;
                tree.Insert(FreeBlockEntry.Of(block));
                gap = BlockPlacement.FitGap(block, block->SizeBytes, need, alignment);
            }
            return Carve(block, gap, need, managed);
        }

        /// <inheritdoc/>
        public override void Free(byte* payload)
        {
            if (payload == null)
                return;
            BlockHeader* block = BlockHeader.FromPayload(payload);
            if (!BlockHeader.IsIntact(block) || block->IsFree)
                return;

            ulong bytes = block->SizeBytes;
            BlockHeader* next = (BlockHeader*)((byte*)block + bytes);
            usedBytes -= bytes;
            usedBlocks--;
            freeBytes += bytes;

            BlockHeader* merged;
            if (block->IsPreviousFree)
            {
                // Grow the free block on the left (its node stays where it is) over this one,
                // and over the right neighbour too when that one is free.
                merged = BlockHeader.Previous(block);
                BlockHeader.Write(block, bytes, BlockHeader.FreeFlag);   // a stale free header: a second free is seen as DoubleFree
                ulong total = merged->SizeBytes + bytes;
                if (next->IsFree)
                {
                    total += next->SizeBytes;
                    tree.Remove(FreeBlockEntry.Of(next));
                    freeBlocks--;
                }
                else
                {
                    BlockHeader.SetPreviousFree(next, true);
                }
                BlockHeader.WriteFree(merged, total);
                tree.SizeChanged(FreeBlockEntry.Of(merged));
            }
            else if (next->IsFree)
            {
                // Take over the right neighbour's place in the tree, starting lower.
                merged = block;
                BlockHeader.WriteFree(merged, bytes + next->SizeBytes);
                tree.Move(FreeBlockEntry.Of(next), FreeBlockEntry.Of(merged));
            }
            else
            {
                merged = block;
                BlockHeader.WriteFree(merged, bytes);
                BlockHeader.SetPreviousFree(next, true);
                tree.Insert(FreeBlockEntry.Of(merged));
                freeBlocks++;
            }

            RegionHeader* empty = RegionToRelease(merged);
            if (empty != null)
            {
                tree.Remove(FreeBlockEntry.Of(merged));
                ReleaseRegion(empty);
            }
        }

        /// <inheritdoc/>
        protected override void ForgetFreeBlock(BlockHeader* block) => tree.Remove(FreeBlockEntry.Of(block));

        /// <summary>
        /// The lowest-address free block that holds <paramref name="need"/> bytes at the alignment,
        /// and the gap in front of the allocation; null when none does. At alignment 8 the first
        /// block big enough always fits; above 8 a big-enough block may still miss after padding,
        /// so the candidates big enough are tried in address order until one fits.
        /// </summary>
        BlockHeader* FindFit(ulong need, ulong alignment, out ulong gap)
        {
            uint needUnits = (uint)(need >> 3);
            FreeBlockEntry* node = tree.FindFirst(needUnits);
            gap = 0;
            if (alignment <= 8)
                return node == null ? null : FreeBlockEntry.Block(node);
            while (node != null)
            {
                BlockHeader* block = FreeBlockEntry.Block(node);
                gap = BlockPlacement.FitGap(block, block->SizeBytes, need, alignment);
                if (gap != BlockPlacement.NoFit)
                    return block;
                node = FreeBlockTree.FindNext(node, needUnits);
            }
            return null;
        }

        /// <summary>
        /// Cuts an allocated block of <paramref name="need"/> bytes out of a free block at
        /// <paramref name="gap"/> bytes from its start. The gap (0 or a whole block) stays free in
        /// the same tree node; a remainder too small to be a block is added to the allocation.
        /// </summary>
        byte* Carve(BlockHeader* free, ulong gap, ulong need, bool managed)
        {
            ulong rest = free->SizeBytes - gap - need;
            if (rest < BlockHeader.MinBlockBytes)
            {
                need += rest;
                rest = 0;
            }
            BlockHeader* used = (BlockHeader*)((byte*)free + gap);
            BlockHeader* after = (BlockHeader*)((byte*)used + need);
            FreeBlockEntry* node = FreeBlockEntry.Of(free);

            if (gap == 0)
            {
                if (rest == 0)
                {
                    tree.Remove(node);
                    freeBlocks--;
                    BlockHeader.SetPreviousFree(after, false);
                }
                else
                {
                    BlockHeader.WriteFree(after, rest);
                    tree.Move(node, FreeBlockEntry.Of(after));
                }
            }
            else
            {
                BlockHeader.WriteFree(free, gap);
                tree.SizeChanged(node);
                if (rest == 0)
                {
                    BlockHeader.SetPreviousFree(after, false);
                }
                else
                {
                    BlockHeader.WriteFree(after, rest);
                    tree.Insert(FreeBlockEntry.Of(after));
                    freeBlocks++;
                }
            }

            ulong flags = (gap != 0 ? BlockHeader.PreviousFreeFlag : 0) | (managed ? BlockHeader.ManagedFlag : 0);
            BlockHeader.Write(used, need, flags);
            usedBytes += need;
            usedBlocks++;
            freeBytes -= need;
            return BlockHeader.Payload(used);
        }

        /// <inheritdoc/>
        protected override ulong LargestFreeBytes() => (ulong)tree.MaxUnits << 3;

        /// <inheritdoc/>
        protected override HeapCheckResult CheckIndex(ulong freeBlockCount) => tree.Validate(freeBlockCount, firstRegion);

        /// <inheritdoc/>
        protected override BlockHeader* FirstIndexed()
        {
            FreeBlockEntry* node = tree.First();
            return node == null ? null : FreeBlockEntry.Block(node);
        }

        /// <inheritdoc/>
        protected override BlockHeader* NextIndexed(BlockHeader* block)
        {
            FreeBlockEntry* node = FreeBlockTree.Successor(FreeBlockEntry.Of(block));
            return node == null ? null : FreeBlockEntry.Block(node);
        }
    }
}
