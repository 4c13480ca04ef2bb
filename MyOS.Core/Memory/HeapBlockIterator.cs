namespace MyOS.Core.Memory
{
    /// <summary>
    /// Walks every block of a heap in address order, region by region, without callbacks:
    /// <c>while (it.MoveNext()) use(it.Current);</c>. Stops early, with Failed set, at a header
    /// whose check value or size is wrong. The heap must not change during the walk.
    /// </summary>
    public unsafe struct HeapBlockIterator
    {
        /// <summary>Region being walked; null once the walk is over.</summary>
        RegionHeader* region;

        /// <summary>Next block to report in the current region; null means "its first block".</summary>
        BlockHeader* next;

        /// <summary>The block reported by the last successful MoveNext.</summary>
        HeapBlockInfo current;

        /// <summary>True when the walk stopped at a damaged header.</summary>
        bool failed;

        /// <summary>Starts a walk at the given (lowest-address) region; null walks nothing.</summary>
        public HeapBlockIterator(RegionHeader* firstRegion)
        {
            region = firstRegion;
            next = null;
            current = default;
            failed = false;
        }

        /// <summary>The block the last successful MoveNext moved to.</summary>
        public HeapBlockInfo Current => current;

        /// <summary>True when the walk ended at a damaged header instead of the heap's end.</summary>
        public bool Failed => failed;

        /// <summary>Moves to the next block; false when there are no more (or a header is damaged).</summary>
        public bool MoveNext()
        {
            while (region != null)
            {
                BlockHeader* block = next == null ? RegionHeader.FirstBlock(region) : next;
                BlockHeader* end = RegionHeader.EndMarker(region);
                if (!BlockHeader.IsIntact(block) || block > end)
                    return Fail();
                if (block == end)
                {
                    region = region->Next;
                    next = null;
                    continue;
                }
                ulong bytes = block->SizeBytes;
                if (bytes < BlockHeader.MinBlockBytes || bytes > (ulong)((byte*)end - (byte*)block))
                    return Fail();
                current.Payload = BlockHeader.Payload(block);
                current.BlockBytes = bytes;
                current.IsFree = block->IsFree;
                current.IsManaged = block->IsManaged;
                next = (BlockHeader*)((byte*)block + bytes);
                return true;
            }
            return false;
        }

        /// <summary>Ends the walk because of a damaged header.</summary>
        bool Fail()
        {
            failed = true;
            region = null;
            return false;
        }
    }
}
