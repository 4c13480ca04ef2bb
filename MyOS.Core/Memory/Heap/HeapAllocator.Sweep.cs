namespace MyOS.Core.Memory.Heap
{
    /// <summary>
    /// The heap's side of garbage collection: one address-ordered pass that frees every managed
    /// block the collector does not keep, through the normal Free path (so free neighbours
    /// coalesce and wholly free regions go back to the page source). Raw blocks are never
    /// looked at. Invariant kept during the pass: the walk only ever stands on a block that is
    /// allocated, or on a region's end marker that was not released.
    /// </summary>
    public abstract unsafe partial class HeapAllocator
    {
        /// <summary>
        /// Frees each allocated managed block for which <paramref name="decision"/> says it does
        /// not survive. Returns false (and stops) at a damaged block header; counts what was freed.
        /// </summary>
        public bool SweepManagedBlocks<TDecision>(ref TDecision decision, out ulong freedBlocks, out ulong freedBytes)
            where TDecision : struct, ISweepDecision
        {
            freedBlocks = 0;
            freedBytes = 0;
            RegionHeader* region = _firstRegion;
            while (region != null)
            {
                // Read before freeing anything: the region may be released by the last free in it.
                RegionHeader* nextRegion = region->Next;
                BlockHeader* end = RegionHeader.EndMarker(region);
                BlockHeader* block = RegionHeader.FirstBlock(region);
                while (block != end)
                {
                    if (!BlockHeader.IsIntact(block) || block->SizeBytes < BlockHeader.MinBlockBytes || block > end)
                        return false;
                    BlockHeader* next = BlockHeader.Next(block);
                    if (block->IsFree || !block->IsManaged || decision.Survives(BlockHeader.Payload(block)))
                    {
                        block = next;
                        continue;
                    }
                    // A free block after this one merges into it: step over it first. Free
                    // neighbours are always merged, so what follows a free block is allocated
                    // (or the end marker).
                    if (next != end && next->IsFree)
                        next = BlockHeader.Next(next);
                    freedBlocks++;
                    freedBytes += block->SizeBytes;
                    Free(BlockHeader.Payload(block));
                    if (next == end)
                        break;   // the region may be gone now: do not read its end marker
                    block = next;
                }
                region = nextRegion;
            }
            return true;
        }

        /// <summary>Lowest and highest address any block can have (the directory's first and last region): a quick filter for conservative roots.</summary>
        public void GetAddressRange(out byte* low, out byte* high)
        {
            if (_directory.Count == 0)
            {
                low = high = null;
                return;
            }
            RegionHeader* last = _directory.Regions[_directory.Count - 1];
            low = (byte*)_directory.Regions[0];
            high = (byte*)last + last->Bytes;
        }
    }
}
