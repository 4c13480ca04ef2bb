namespace MyOS.Core.Memory.Heap
{
    /// <summary>
    /// What every MyOS heap offers, so the kernel can swap implementations with a setting, and
    /// the machinery they share: the region list, growth and release, statistics, the block walk.
    /// Invariant: regions form an address-ordered doubly linked list, and the running totals
    /// below always describe exactly the blocks in those regions.
    /// </summary>
    public abstract unsafe partial class HeapAllocator
    {
        /// <summary>
        /// A region that becomes wholly free is kept (not given back) when it is the heap's only
        /// region and at most this big, so a heap that empties and refills does not thrash.
        /// </summary>
        public const ulong KeepLastRegionBytes = 256 * 1024;

        /// <summary>Where regions come from and go back to.</summary>
        protected readonly PageSource _source;

        /// <summary>The lowest-address region; null while the heap owns no memory.</summary>
        protected RegionHeader* _firstRegion;

        /// <summary>Bytes of all regions together.</summary>
        protected ulong _heapBytes;

        /// <summary>Number of regions in the list.</summary>
        protected ulong _regionCount;

        /// <summary>Bytes in allocated blocks, headers included.</summary>
        protected ulong _usedBytes;

        /// <summary>Number of allocated blocks.</summary>
        protected ulong _usedBlocks;

        /// <summary>Bytes in free blocks, headers included.</summary>
        protected ulong _freeBytes;

        /// <summary>Number of free blocks (each one is in the free index).</summary>
        protected ulong _freeBlocks;

        /// <summary>The regions in address order, for finding a pointer's region and (block allocator) the lowest region that fits.</summary>
        protected RegionDirectory _directory;

        /// <summary>Makes an empty heap that will grow from <paramref name="pageSource"/>.</summary>
        protected HeapAllocator(PageSource pageSource)
        {
            _source = pageSource;
        }

        /// <summary>Makes a heap of the given kind (the kernel's heap setting).</summary>
        public static HeapAllocator Create(HeapKind kind, PageSource pageSource)
        {
            if (kind == HeapKind.LinearFirstFit)
                return new LinearFirstFitHeap(pageSource);
            return new BlockAllocator(pageSource);
        }

        /// <summary>The page source the heap grows from.</summary>
        public PageSource Source => _source;

        /// <summary>Allocates <paramref name="size"/> bytes, 8-byte aligned; null when memory runs out.</summary>
        public byte* Allocate(ulong size) => Allocate(size, 8, false);

        /// <summary>
        /// Allocates <paramref name="size"/> bytes (0 gives a minimal block) aligned to
        /// <paramref name="alignment"/> (a power of two; 0..8 mean 8), placed in the
        /// lowest-address free block that can hold it. <paramref name="managed"/> marks the
        /// block as holding a managed object. Returns null when memory runs out or the
        /// arguments are impossible (alignment not a power of two or over 1 GiB, size over
        /// 16 GiB); the heap is then unchanged.
        /// </summary>
        public abstract byte* Allocate(ulong size, ulong alignment, bool managed);

        /// <summary>Like Allocate, with the first <paramref name="size"/> payload bytes set to 0 (the runtime's new).</summary>
        public byte* AllocateZeroed(ulong size, ulong alignment, bool managed)
        {
            byte* payload = Allocate(size, alignment, managed);
            if (payload != null)
            {
                ulong* word = (ulong*)payload;
                ulong words = (size + 7) >> 3;   // the payload always has room for whole words
                for (ulong i = 0; i < words; i++)
                    word[i] = 0;
            }
            return payload;
        }

        /// <summary>
        /// Frees a block returned by Allocate. Null does nothing. A pointer whose header fails
        /// its check value, or a block that is already free, is ignored (O(1) guard); use
        /// <see cref="CheckedFree"/> to learn why a pointer is refused.
        /// </summary>
        public abstract void Free(byte* payload);

        /// <summary>Frees <paramref name="payload"/> only if <see cref="ClassifyPointer"/> says Ok; otherwise changes nothing.</summary>
        public HeapFreeResult CheckedFree(byte* payload)
        {
            HeapFreeResult result = ClassifyPointer(payload);
            if (result == HeapFreeResult.Ok)
                Free(payload);
            return result;
        }

        /// <summary>
        /// True when <paramref name="payload"/> is the start of an allocated block marked managed.
        /// O(1): it trusts the header's check value, so pass block starts (or classify first).
        /// </summary>
        public bool IsManaged(byte* payload)
        {
            if (payload == null || ((ulong)payload & 7) != 0)
                return false;
            BlockHeader* block = BlockHeader.FromPayload(payload);
            return BlockHeader.IsIntact(block) && !block->IsFree && block->IsManaged;
        }

        /// <summary>Payload bytes the block at <paramref name="payload"/> really has (at least what was asked).</summary>
        public ulong UsableSize(byte* payload) => BlockHeader.FromPayload(payload)->SizeBytes - BlockHeader.Size;

        /// <summary>A walk over every block in address order (for the shell's heap listing).</summary>
        public HeapBlockIterator GetBlocks() => new HeapBlockIterator(_firstRegion);

        /// <summary>The current totals; O(1) but for the largest free block (the block allocator reads every chunk entry for it: O(chunks)).</summary>
        public HeapStats GetStats()
        {
            HeapStats stats;
            stats.HeapBytes = _heapBytes;
            stats.UsedBytes = _usedBytes;
            stats.FreeBytes = _freeBytes;
            stats.OverheadBytes = _heapBytes - _usedBytes - _freeBytes;
            stats.UsedBlocks = _usedBlocks;
            stats.FreeBlocks = _freeBlocks;
            stats.LargestFreeBytes = LargestFreeBytes();
            stats.Regions = _regionCount;
            stats.FragmentationBasisPoints = _freeBytes == 0 ? 0 : 10000 - stats.LargestFreeBytes * 10000 / _freeBytes;
            return stats;
        }

        /// <summary>Size in bytes of the largest free block; 0 when there is none.</summary>
        protected abstract ulong LargestFreeBytes();

        /// <summary>Takes a free block out of the free index (the tree or the list) without touching its memory.</summary>
        protected abstract void ForgetFreeBlock(BlockHeader* block);

        /// <summary>
        /// For a heap that is about to be dropped (the benchmarks and tests make their own): gives
        /// every region back to the page source, including the last one that Free keeps against
        /// thrashing. Refused (false, nothing changed) while any block is still in use.
        /// </summary>
        public bool ReleaseAll()
        {
            if (_usedBlocks != 0)
                return false;
            // With nothing in use, coalescing has left each region as one free block.
            while (_firstRegion != null)
            {
                ForgetFreeBlock(RegionHeader.FirstBlock(_firstRegion));
                ReleaseRegion(_firstRegion);
            }
            return true;
        }

        /// <summary>
        /// Gets a new region that surely holds a block of <paramref name="need"/> bytes at
        /// <paramref name="alignment"/>: at least MinGrowthBytes, retried at the exact size when
        /// that fails. Links it in address order and returns its one free block, which the caller
        /// must add to its free index; null when the page source has nothing.
        /// </summary>
        protected BlockHeader* AddRegion(ulong need, ulong alignment)
        {
            ulong exact = BlockPlacement.RegionBytesFor(need, alignment);
            ulong bytes = exact < BlockPlacement.MinGrowthBytes ? BlockPlacement.MinGrowthBytes : exact;
            byte* memory = _source.AllocatePages(bytes / PageMath.PageSize);
            if (memory == null && bytes != exact)
            {
                bytes = exact;
                memory = _source.AllocatePages(bytes / PageMath.PageSize);
            }
            if (memory == null)
                return null;
            // Room in the directory; if that cannot be had, the region goes back and nothing changed.
            long directoryChange = _directory.Reserve(_source);
            if (directoryChange < 0)
            {
                _source.FreePages(memory, bytes / PageMath.PageSize);
                return null;
            }
            _heapBytes = (ulong)((long)_heapBytes + directoryChange);

            RegionHeader* region = (RegionHeader*)memory;
            RegionHeader.Initialize(region, bytes);
            LinkRegion(region);
            RegionHeader.WriteTrailer(region, true);
            BlockHeader* block = RegionHeader.FirstBlock(region);
            ulong blockBytes = bytes - RegionHeader.OverheadBytes(region);
            BlockHeader.WriteFree(block, blockBytes);

            _heapBytes += bytes;
            _regionCount++;
            _freeBytes += blockBytes;
            _freeBlocks++;
            return block;
        }

        /// <summary>
        /// The region a free block fills wholly and that should go back to the page source,
        /// or null. The caller removes the block from its index, then calls ReleaseRegion.
        /// </summary>
        protected RegionHeader* RegionToRelease(BlockHeader* freeBlock)
        {
            // A region is at least a page and its overhead is under half a page, so a smaller
            // block cannot fill one (and the common case then skips reading the next header).
            if (freeBlock->SizeBytes < PageMath.PageSize / 2)
                return null;
            BlockHeader* after = BlockHeader.Next(freeBlock);
            if (!after->IsEnd)
                return null;
            RegionHeader* region = RegionHeader.OwnerOf(after);
            if (RegionHeader.FirstBlock(region) != freeBlock)
                return null;
            if (_regionCount == 1 && region->Bytes <= KeepLastRegionBytes)
                return null;
            return region;
        }

        /// <summary>Unlinks a wholly free region (already out of the index) and gives its pages back.</summary>
        protected void ReleaseRegion(RegionHeader* region)
        {
            if (region->Previous != null)
                region->Previous->Next = region->Next;
            else
                _firstRegion = region->Next;
            if (region->Next != null)
                region->Next->Previous = region->Previous;
            _directory.Remove(region->DirectoryIndex);

            ulong bytes = region->Bytes;
            _heapBytes -= bytes;
            _regionCount--;
            _freeBytes -= bytes - RegionHeader.OverheadBytes(region);
            _freeBlocks--;
            _source.FreePages((byte*)region, bytes / PageMath.PageSize);
            if (_regionCount == 0)
                _heapBytes -= _directory.Release(_source);   // an empty heap owns no pages at all
        }

        /// <summary>Puts a new region into the directory and the list at its address-ordered place (Reserve made room).</summary>
        private void LinkRegion(RegionHeader* region)
        {
            uint at = _directory.Insert(region);
            RegionHeader* previous = at == 0 ? null : _directory.Regions[at - 1];
            RegionHeader* next = at + 1 == _directory.Count ? null : _directory.Regions[at + 1];
            region->Previous = previous;
            region->Next = next;
            if (previous != null)
                previous->Next = region;
            else
                _firstRegion = region;
            if (next != null)
                next->Previous = region;
        }
    }
}
