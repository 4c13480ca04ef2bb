namespace MyOS.Core.Memory.Heap
{
    /// <summary>
    /// The baseline heap: the seed's free block list done the simple way. Free blocks sit on a
    /// singly linked list in address order, walked from the start for every allocation and free.
    /// Same blocks, regions and placement rule as BlockAllocator, so both put every request at
    /// the same address; it is the reference for tests and the baseline for benchmarks.
    /// </summary>
    public sealed unsafe class LinearFirstFitHeap : HeapAllocator
    {
        /// <summary>Entry of the lowest-address free block; null when there is none.</summary>
        private FreeListEntry* _head;

        /// <summary>Makes an empty heap; it takes its first region on the first allocation.</summary>
        public LinearFirstFitHeap(PageSource pageSource) : base(pageSource)
        {
        }

        /// <inheritdoc/>
        public override byte* Allocate(ulong size, ulong alignment, bool managed)
        {
            ulong need = BlockPlacement.BlockBytesFor(size);
            alignment = BlockPlacement.NormalizeAlignment(alignment);
            if (need == 0 || alignment == 0)
                return null;

            // First fit: the first block on the list (lowest address) that can hold the request.
            FreeListEntry* previous = null;
            FreeListEntry* entry = _head;
            ulong gap = BlockPlacement.NoFit;
            while (entry != null)
            {
                BlockHeader* candidate = FreeListEntry.Block(entry);
                gap = BlockPlacement.FitGap(candidate, candidate->SizeBytes, need, alignment);
                if (gap != BlockPlacement.NoFit)
                    break;
                previous = entry;
                entry = entry->Next;
            }
            if (entry == null)
            {
                BlockHeader* added = AddRegion(need, alignment);
                if (added == null)
                    return null;
                entry = FreeListEntry.Of(added);
                previous = Link(entry);
                gap = BlockPlacement.FitGap(added, added->SizeBytes, need, alignment);
            }
            return Carve(previous, entry, gap, need, managed);
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
            _usedBytes -= bytes;
            _usedBlocks--;
            _freeBytes += bytes;

            // Find the free blocks on either side in the list; they are neighbours in memory
            // exactly when one ends where the other starts.
            FreeListEntry* previous = null;
            FreeListEntry* next = _head;
            while (next != null && FreeListEntry.Block(next) < block)
            {
                previous = next;
                next = next->Next;
            }
            BlockHeader* before = previous == null ? null : FreeListEntry.Block(previous);
            BlockHeader* after = next == null ? null : FreeListEntry.Block(next);
            bool joinBefore = before != null && BlockHeader.Next(before) == block;
            bool joinAfter = after != null && (BlockHeader*)((byte*)block + bytes) == after;

            BlockHeader* merged = block;
            ulong total = bytes;
            FreeListEntry* link = next;
            if (joinAfter)
            {
                total += after->SizeBytes;
                link = next->Next;
                _freeBlocks--;
            }
            if (joinBefore)
            {
                BlockHeader.Write(block, bytes, BlockHeader.FreeFlag);   // a stale free header: a second free is seen as DoubleFree
                merged = before;
                total += before->SizeBytes;
                _freeBlocks--;
            }
            BlockHeader.WriteFree(merged, total);
            FreeListEntry* entry = FreeListEntry.Of(merged);
            entry->Next = link;
            if (!joinBefore)
            {
                if (previous == null)
                    _head = entry;
                else
                    previous->Next = entry;
            }
            _freeBlocks++;
            BlockHeader.SetPreviousFree(BlockHeader.Next(merged), true);

            RegionHeader* empty = RegionToRelease(merged);
            if (empty != null)
            {
                Unlink(entry);
                ReleaseRegion(empty);
            }
        }

        /// <summary>
        /// Cuts an allocated block of <paramref name="need"/> bytes out of the free block of
        /// <paramref name="entry"/> at <paramref name="gap"/> bytes from its start, fixing the list
        /// (<paramref name="previous"/> is the entry before it, null for the head).
        /// </summary>
        private byte* Carve(FreeListEntry* previous, FreeListEntry* entry, ulong gap, ulong need, bool managed)
        {
            BlockHeader* free = FreeListEntry.Block(entry);
            ulong rest = free->SizeBytes - gap - need;
            if (rest < BlockHeader.MinBlockBytes)
            {
                need += rest;
                rest = 0;
            }
            BlockHeader* used = (BlockHeader*)((byte*)free + gap);
            BlockHeader* after = (BlockHeader*)((byte*)used + need);

            // What follows the allocation on the list: the remainder, or the old next entry.
            FreeListEntry* follower = entry->Next;
            if (rest != 0)
            {
                BlockHeader.WriteFree(after, rest);
                FreeListEntry* remainder = FreeListEntry.Of(after);
                remainder->Next = follower;
                follower = remainder;
                _freeBlocks++;
            }
            else
            {
                BlockHeader.SetPreviousFree(after, false);
            }

            if (gap != 0)
            {
                BlockHeader.WriteFree(free, gap);
                entry->Next = follower;
            }
            else
            {
                if (previous == null)
                    _head = follower;
                else
                    previous->Next = follower;
                _freeBlocks--;
            }

            ulong flags = (gap != 0 ? BlockHeader.PreviousFreeFlag : 0) | (managed ? BlockHeader.ManagedFlag : 0);
            BlockHeader.Write(used, need, flags);
            _usedBytes += need;
            _usedBlocks++;
            _freeBytes -= need;
            return BlockHeader.Payload(used);
        }

        /// <summary>Puts an entry into the list at its address-ordered place; returns the entry before it.</summary>
        private FreeListEntry* Link(FreeListEntry* entry)
        {
            FreeListEntry* previous = null;
            FreeListEntry* next = _head;
            while (next != null && next < entry)
            {
                previous = next;
                next = next->Next;
            }
            entry->Next = next;
            if (previous == null)
                _head = entry;
            else
                previous->Next = entry;
            return previous;
        }

        /// <summary>Takes an entry off the list.</summary>
        private void Unlink(FreeListEntry* entry)
        {
            if (_head == entry)
            {
                _head = entry->Next;
                return;
            }
            FreeListEntry* previous = _head;
            while (previous->Next != entry)
                previous = previous->Next;
            previous->Next = entry->Next;
        }

        /// <inheritdoc/>
        protected override void ForgetFreeBlock(BlockHeader* block) => Unlink(FreeListEntry.Of(block));

        /// <inheritdoc/>
        protected override ulong LargestFreeBytes()
        {
            ulong largest = 0;
            for (FreeListEntry* entry = _head; entry != null; entry = entry->Next)
            {
                ulong bytes = FreeListEntry.Block(entry)->SizeBytes;
                if (bytes > largest)
                    largest = bytes;
            }
            return largest;
        }

        /// <inheritdoc/>
        protected override HeapCheckResult CheckIndex(ulong freeBlockCount)
        {
            ulong count = 0;
            BlockHeader* previous = null;
            for (FreeListEntry* entry = _head; entry != null; entry = entry->Next)
            {
                BlockHeader* block = FreeListEntry.Block(entry);
                if (previous != null && block <= previous)
                    return new HeapCheckResult(HeapCheckStatus.IndexOrder, (ulong)block);
                if (count == freeBlockCount || RegionHeader.Find(_firstRegion, (byte*)block) == null
                    || RegionHeader.Find(_firstRegion, (byte*)block + BlockHeader.MinBlockBytes - 1) == null)
                {
                    return new HeapCheckResult(HeapCheckStatus.IndexExtraBlock, (ulong)block);
                }

                if (!BlockHeader.IsIntact(block) || !block->IsFree)
                    return new HeapCheckResult(HeapCheckStatus.IndexExtraBlock, (ulong)block);
                count++;
                previous = block;
            }
            if (count != freeBlockCount)
                return new HeapCheckResult(HeapCheckStatus.IndexMissingBlock, 0);
            return new HeapCheckResult(HeapCheckStatus.Ok, 0);
        }

        /// <inheritdoc/>
        protected override BlockHeader* FirstIndexed() => _head == null ? null : FreeListEntry.Block(_head);

        /// <inheritdoc/>
        protected override BlockHeader* NextIndexed(BlockHeader* block)
        {
            FreeListEntry* next = FreeListEntry.Of(block)->Next;
            return next == null ? null : FreeListEntry.Block(next);
        }
    }
}
