namespace MyOS.Core.Memory.Heap
{
    /// <summary>
    /// Walks every block of a heap in address order, region by region, without callbacks:
    /// <c>while (it.MoveNext()) use(it.Current);</c>. Stops early, with Failed set, at a header
    /// whose check value or size is wrong. The heap must not change during the walk.
    /// </summary>
    public unsafe struct HeapBlockIterator
    {
        /// <summary>Region being walked; null once the walk is over.</summary>
        private RegionHeader* _region;

        /// <summary>Next block to report in the current region; null means "its first block".</summary>
        private BlockHeader* _next;

        /// <summary>The block reported by the last successful MoveNext.</summary>
        private HeapBlockInfo _current;

        /// <summary>True when the walk stopped at a damaged header.</summary>
        private bool _failed;

        /// <summary>Starts a walk at the given (lowest-address) region; null walks nothing.</summary>
        public HeapBlockIterator(RegionHeader* firstRegion)
        {
            _region = firstRegion;
            _next = null;
            _current = default;
            _failed = false;
        }

        /// <summary>The block the last successful MoveNext moved to.</summary>
        public HeapBlockInfo Current => _current;

        /// <summary>True when the walk ended at a damaged header instead of the heap's end.</summary>
        public bool Failed => _failed;

        /// <summary>Moves to the next block; false when there are no more (or a header is damaged).</summary>
        public bool MoveNext()
        {
            while (_region != null)
            {
                BlockHeader* block = _next == null ? RegionHeader.FirstBlock(_region) : _next;
                BlockHeader* end = RegionHeader.EndMarker(_region);
                if (!BlockHeader.IsIntact(block) || block > end)
                    return Fail();
                if (block == end)
                {
                    _region = _region->Next;
                    _next = null;
                    continue;
                }
                ulong bytes = block->SizeBytes;
                if (bytes < BlockHeader.MinBlockBytes || bytes > (ulong)((byte*)end - (byte*)block))
                    return Fail();
                _current.Payload = BlockHeader.Payload(block);
                _current.BlockBytes = bytes;
                _current.IsFree = block->IsFree;
                _current.IsManaged = block->IsManaged;
                _next = (BlockHeader*)((byte*)block + bytes);
                return true;
            }
            return false;
        }

        /// <summary>Ends the walk because of a damaged header.</summary>
        private bool Fail()
        {
            _failed = true;
            _region = null;
            return false;
        }
    }
}
