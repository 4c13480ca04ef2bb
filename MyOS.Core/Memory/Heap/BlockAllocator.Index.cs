using System.Runtime.CompilerServices;

namespace MyOS.Core.Memory.Heap
{
    /// <summary>
    /// The block allocator's free index, after R. P. Brent (1989): each region is cut into
    /// 4 KiB chunks by address. Per chunk, the region's table keeps the size of the largest free
    /// block starting in it (a leaf of the region's MaximaTree) and the offset of the first one;
    /// the free blocks starting in a chunk are linked in address order by a pointer right after
    /// their header (null ends the chunk's list). The directory's MaximaTree keeps each region's
    /// largest. First fit is one descent in the directory, one in the region, and a walk of the
    /// chunk's short list. Updates touch the chunk of the block that changed: a chunk's entry is
    /// always exact; a larger one is raised up the trees as far as it changes anything, a smaller
    /// one is written alone (with the region's value in the directory when the region's tree is a
    /// single node), so the values above may overstate until a search lowers them.
    /// </summary>
    public sealed unsafe partial class BlockAllocator
    {
        /// <summary>Chunk table entries of a new region: no free block anywhere yet.</summary>
        private static void InitializeIndex(RegionHeader* region) => MaximaTree.Clear(RegionHeader.ChunkMaxima(region), region->Chunks);

        /// <summary>The chunk of <paramref name="region"/> that <paramref name="address"/> lies in.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint ChunkOf(RegionHeader* region, void* address) =>
            (uint)(((ulong)address - (ulong)region) >> RegionHeader.ChunkShift);

        /// <summary>Position of a block inside its chunk in 8-byte units (regions, hence chunks, are page aligned).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ushort OffsetInChunk(BlockHeader* block) => (ushort)(((ulong)block & (RegionHeader.ChunkBytes - 1)) >> 3);

        /// <summary>The first free block starting in chunk <paramref name="chunk"/>, or null when none does.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static BlockHeader* FirstFreeIn(RegionHeader* region, uint chunk)
        {
            if (RegionHeader.ChunkMaxima(region)[chunk] == 0)
                return null;
            return (BlockHeader*)((byte*)region + ((ulong)chunk << RegionHeader.ChunkShift) + ((ulong)RegionHeader.ChunkFirstFree(region)[chunk] << 3));
        }

        /// <summary>Where a free block keeps the next free block of its chunk (null for the last): right after its header.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static BlockHeader** NextInChunk(BlockHeader* freeBlock) => (BlockHeader**)((byte*)freeBlock + BlockHeader.Size);

        /// <summary>Makes <paramref name="block"/> (or nothing, for null) the chunk's first free block.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void SetFirst(RegionHeader* region, uint chunk, BlockHeader* block)
        {
            if (block != null)
                RegionHeader.ChunkFirstFree(region)[chunk] = OffsetInChunk(block);
        }

        /// <summary>A free block now starts at <paramref name="block"/> (its header holds its size): linked into its chunk's list.</summary>
        private void FreeStartAdded(RegionHeader* region, BlockHeader* block)
        {
            uint chunk = ChunkOf(region, block);
            BlockHeader* previous = null;
            BlockHeader* next = FirstFreeIn(region, chunk);
            while (next != null && next < block)
            {
                previous = next;
                next = *NextInChunk(next);
            }
            *NextInChunk(block) = next;
            if (previous == null)
                SetFirst(region, chunk, block);
            else
                *NextInChunk(previous) = block;
            uint units = block->SizeUnits;
            if (units > RegionHeader.ChunkMaxima(region)[chunk])
                RaiseChunkMax(region, chunk, units);
        }

        /// <summary>The free block at <paramref name="block"/> grew in place.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void FreeStartGrew(RegionHeader* region, BlockHeader* block)
        {
            uint chunk = ChunkOf(region, block);
            uint units = block->SizeUnits;
            if (units > RegionHeader.ChunkMaxima(region)[chunk])
                RaiseChunkMax(region, chunk, units);
        }

        /// <summary>The free block at <paramref name="block"/> shrank from <paramref name="oldUnits"/> in place.</summary>
        private void FreeStartShrunk(RegionHeader* region, BlockHeader* block, uint oldUnits)
        {
            uint chunk = ChunkOf(region, block);
            if (oldUnits == RegionHeader.ChunkMaxima(region)[chunk])
                RecomputeChunkMax(region, chunk);
        }

        /// <summary>
        /// The free block that started at <paramref name="gone"/> (<paramref name="goneUnits"/>
        /// long, its link still intact) is no longer free or no longer starts there: unlinked.
        /// </summary>
        private void FreeStartGone(RegionHeader* region, BlockHeader* gone, uint goneUnits)
        {
            uint chunk = ChunkOf(region, gone);
            BlockHeader* after = *NextInChunk(gone);
            BlockHeader* first = FirstFreeIn(region, chunk);
            if (first == gone)
            {
                if (after == null)
                {
                    LowerChunkMax(region, chunk, 0);   // the chunk's list is empty now
                    return;
                }
                SetFirst(region, chunk, after);
            }
            else
            {
                BlockHeader* previous = first;
                while (*NextInChunk(previous) != gone)
                    previous = *NextInChunk(previous);
                *NextInChunk(previous) = after;
            }
            if (goneUnits == RegionHeader.ChunkMaxima(region)[chunk])
                RecomputeChunkMax(region, chunk);
        }

        /// <summary>
        /// The free block at <paramref name="from"/> (<paramref name="fromUnits"/> long) now starts
        /// at <paramref name="to"/> instead, with no other free block between the two addresses:
        /// cut from the front by an allocation, or taken over by the freed block just before it.
        /// </summary>
        private void FreeStartMoved(RegionHeader* region, BlockHeader* from, uint fromUnits, BlockHeader* to)
        {
            uint chunk = ChunkOf(region, from);
            if (ChunkOf(region, to) != chunk)
            {
                FreeStartGone(region, from, fromUnits);
                FreeStartAdded(region, to);
                return;
            }
            // Same chunk: the new start takes the old one's place in the list.
            BlockHeader* after = *NextInChunk(from);
            *NextInChunk(to) = after;
            BlockHeader* first = FirstFreeIn(region, chunk);
            if (first == from)
            {
                SetFirst(region, chunk, to);
            }
            else
            {
                BlockHeader* previous = first;
                while (*NextInChunk(previous) != from)
                    previous = *NextInChunk(previous);
                *NextInChunk(previous) = to;
            }
            uint units = to->SizeUnits;
            uint known = RegionHeader.ChunkMaxima(region)[chunk];
            if (units > known)
                RaiseChunkMax(region, chunk, units);
            else if (units < fromUnits && fromUnits == known)
                RecomputeChunkMax(region, chunk);
        }

        /// <summary>
        /// Sets a chunk's maximum from its list of free blocks. It may come out larger than the
        /// entry (a block of the list grew before the entry was told, during a merge): then it is
        /// raised.
        /// </summary>
        private void RecomputeChunkMax(RegionHeader* region, uint chunk)
        {
            uint max = 0;
            for (BlockHeader* block = FirstFreeIn(region, chunk); block != null; block = *NextInChunk(block))
                max = Larger(max, block->SizeUnits);
            if (max > RegionHeader.ChunkMaxima(region)[chunk])
                RaiseChunkMax(region, chunk, max);
            else
                LowerChunkMax(region, chunk, max);
        }

        /// <summary>The larger of two sizes, without a branch (in a list walk the outcome is random, and the compiler keeps branches in loops).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Larger(uint a, uint b)
        {
            uint bIsLarger = (uint)(((long)a - b) >> 63);   // all ones when b > a
            return a ^ ((a ^ b) & bIsLarger);
        }

        /// <summary>Raises a chunk's maximum up the region's tree and, past the region's value, the directory's.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void RaiseChunkMax(RegionHeader* region, uint chunk, uint units)
        {
            MaximaTree.Raise(RegionHeader.ChunkMaxima(region), region->Chunks, chunk, units);
            uint index = region->DirectoryIndex;
            if (units > _directory.Maxima[index])
                _directory.Raise(index, units);
        }

        /// <summary>
        /// Lowers a chunk's maximum to <paramref name="units"/>, the levels above left as they are
        /// (they may overstate now), except that a region of one tree node (64 KiB) gives the
        /// directory its exact largest: it is one cache line away, and a region that claims a fit
        /// it does not hold costs every search that passes it a wasted descent.
        /// </summary>
        private void LowerChunkMax(RegionHeader* region, uint chunk, uint units)
        {
            uint* maxima = RegionHeader.ChunkMaxima(region);
            maxima[chunk] = units;
            if (region->Chunks <= MaximaTree.Fanout)
                _directory.Maxima[region->DirectoryIndex] = MaximaTree.MaxOf(maxima);
        }

        /// <summary>The lowest-address free block of at least <paramref name="needUnits"/>, and its region; null when none.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private BlockHeader* FindFirstFit(uint needUnits, out RegionHeader* region)
        {
            region = null;
            if (_directory.Max < needUnits)
                return null;
            return SearchFirstFit(needUnits, out region);
        }

        /// <summary>
        /// FindFirstFit's search: the lowest region whose value allows a fit, then that region's
        /// lowest chunk whose (exact) entry does, then the chunk's list. A region whose tree holds
        /// no fit after all overstated: its value is lowered to its tree's top and the search goes
        /// on to the next region.
        /// </summary>
        private BlockHeader* SearchFirstFit(uint needUnits, out RegionHeader* region)
        {
            for (uint index = MaximaTree.FindFirst(_directory.Maxima, _directory.Count, needUnits);
                 index != MaximaTree.None;
                 index = MaximaTree.FindFrom(_directory.Maxima, _directory.Count, needUnits, index + 1))
            {
                region = _directory.Regions[index];
                uint* maxima = RegionHeader.ChunkMaxima(region);
                uint chunk = MaximaTree.FindFirst(maxima, region->Chunks, needUnits);
                if (chunk != MaximaTree.None)
                {
                    for (BlockHeader* block = FirstFreeIn(region, chunk); block != null; block = *NextInChunk(block))
                    {
                        if (block->SizeUnits >= needUnits)
                            return block;
                    }
                    region = null;
                    return null;   // only if the chunk's entry is wrong (a damaged heap); the heap check reports it
                }
                _directory.Maxima[index] = MaximaTree.TopMax(maxima, region->Chunks);   // it claimed a fit its region does not hold
            }
            _directory.Max = MaximaTree.TopMax(_directory.Maxima, _directory.Count);
            region = null;
            return null;
        }

        /// <summary>
        /// The lowest-address free block that holds <paramref name="need"/> bytes at the alignment,
        /// its region and the gap in front of the allocation; null when none does. At alignment 8
        /// the first block big enough always fits; above 8 a big-enough block may still miss after
        /// padding, so the candidates are tried in address order (chunk by chunk, region by region,
        /// skipping every chunk and region whose maximum is too small) until one fits.
        /// </summary>
        private BlockHeader* FindFit(ulong need, ulong alignment, out RegionHeader* region, out ulong gap)
        {
            uint needUnits = (uint)(need >> 3);
            gap = 0;
            if (alignment <= 8)
                return FindFirstFit(needUnits, out region);
            region = null;
            if (_directory.Max < needUnits)
                return null;
            for (uint index = MaximaTree.FindFirst(_directory.Maxima, _directory.Count, needUnits);
                 index != MaximaTree.None;
                 index = MaximaTree.FindFrom(_directory.Maxima, _directory.Count, needUnits, index + 1))
            {
                region = _directory.Regions[index];
                uint* maxima = RegionHeader.ChunkMaxima(region);
                for (uint chunk = MaximaTree.FindFirst(maxima, region->Chunks, needUnits);
                     chunk != MaximaTree.None;
                     chunk = MaximaTree.FindFrom(maxima, region->Chunks, needUnits, chunk + 1))
                {
                    for (BlockHeader* block = FirstFreeIn(region, chunk); block != null; block = *NextInChunk(block))
                    {
                        if (block->SizeUnits < needUnits)
                            continue;
                        gap = BlockPlacement.FitGap(block, block->SizeBytes, need, alignment);
                        if (gap != BlockPlacement.NoFit)
                            return block;
                    }
                }
                _directory.Maxima[index] = MaximaTree.TopMax(maxima, region->Chunks);   // no fit in the region: it holds at most this
            }
            _directory.Max = MaximaTree.TopMax(_directory.Maxima, _directory.Count);
            region = null;
            gap = 0;
            return null;
        }
    }
}
