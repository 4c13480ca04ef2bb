using System.Runtime.CompilerServices;

namespace MyOS.Core.Memory.Heap
{
    /// <summary>
    /// A heap's regions as a sorted array, with a <see cref="MaximaTree"/> over one value per
    /// region (the block allocator keeps there the largest free block of each region; the
    /// linear baseline leaves it 0; a value may overstate, see MaximaTree). It finds the region
    /// holding a pointer through a hint per 64 KiB of address (the lowest region overlapping
    /// it), else by binary search, and the lowest region with a free block of n units by one
    /// descent. Its storage is pages from the heap's PageSource, grown by doubling and counted in
    /// the heap's bytes. Invariant: Regions[0..Count) are in address order, region i has
    /// DirectoryIndex i, the tree spans Count leaves (rebuilt when a region comes or goes: rare
    /// next to allocations), and a hint is null or a region in the directory.
    /// </summary>
    public unsafe struct RegionDirectory
    {
        /// <summary>Regions the first directory page holds (with their tree and hints); each growth doubles it.</summary>
        private const uint InitialCapacity = 128;

        /// <summary>log2 of the address span one lookup hint covers (64 KiB, the usual region).</summary>
        private const int HintShift = 16;

        /// <summary>The regions, lowest address first.</summary>
        public RegionHeader** Regions;

        /// <summary>The maxima tree, Capacity leaves (leaf i belongs to Regions[i]).</summary>
        public uint* Maxima;

        /// <summary>
        /// Capacity lookup hints, slot (address / 64 KiB) mod Capacity: null, or the lowest region
        /// overlapping the 64 KiB the last lookup there was for. A hint is checked before it is
        /// believed, so a slot shared by two spans only costs a binary search.
        /// </summary>
        public RegionHeader** Hints;

        /// <summary>Regions in the directory.</summary>
        public uint Count;

        /// <summary>Regions the storage has room for.</summary>
        public uint Capacity;

        /// <summary>At least the largest leaf value (the tree's maximum; it may overstate).</summary>
        public uint Max;

        /// <summary>Pages of the storage (0 while there is none).</summary>
        public ulong StoragePages;

        /// <summary>Bytes of storage for <paramref name="capacity"/> regions, whole pages.</summary>
        private static ulong StorageBytesFor(uint capacity)
        {
            ulong bytes = 16UL * capacity + 4 * MaximaTree.StorageUints(capacity);
            return (bytes + PageMath.PageSize - 1) & ~(PageMath.PageSize - 1);
        }

        /// <summary>
        /// Makes room for one more region, taking bigger storage from <paramref name="source"/>
        /// when full. Returns the bytes newly taken minus the bytes given back (for the heap's
        /// total), or -1 when the source refused (the directory is then unchanged).
        /// </summary>
        public long Reserve(PageSource source)
        {
            if (Count < Capacity)
                return 0;
            uint capacity = Capacity == 0 ? InitialCapacity : Capacity * 2;
            ulong bytes = StorageBytesFor(capacity);
            byte* storage = source.AllocatePages(bytes / PageMath.PageSize);
            if (storage == null)
                return -1;
            RegionHeader** regions = (RegionHeader**)storage;
            uint* maxima = (uint*)(storage + 8UL * capacity);
            MaximaTree.Clear(maxima, capacity);
            RegionHeader** hints = (RegionHeader**)(maxima + MaximaTree.StorageUints(capacity));
            for (uint i = 0; i < capacity; i++)
                hints[i] = null;
            for (uint i = 0; i < Count; i++)
            {
                regions[i] = Regions[i];
                maxima[i] = Maxima[i];
            }
            Max = MaximaTree.Rebuild(maxima, Count);
            long change = (long)bytes;
            if (StoragePages != 0)
            {
                source.FreePages((byte*)Regions, StoragePages);
                change -= (long)(StoragePages * PageMath.PageSize);
            }
            Regions = regions;
            Maxima = maxima;
            Hints = hints;
            Capacity = capacity;
            StoragePages = bytes / PageMath.PageSize;
            return change;
        }

        /// <summary>Inserts a region at its address-ordered place (after Reserve made room); its value starts at 0. Returns its index.</summary>
        public uint Insert(RegionHeader* region)
        {
            uint at = Count;
            while (at > 0 && Regions[at - 1] > region)
            {
                Regions[at] = Regions[at - 1];
                Maxima[at] = Maxima[at - 1];
                Regions[at]->DirectoryIndex = at;
                at--;
            }
            Regions[at] = region;
            Maxima[at] = 0;
            region->DirectoryIndex = at;
            Count++;
            Max = MaximaTree.Rebuild(Maxima, Count);   // the leaves moved, or the tree got a leaf
            return at;
        }

        /// <summary>Takes region <paramref name="index"/> out, closing the gap.</summary>
        public void Remove(uint index)
        {
            RegionHeader* gone = Regions[index];
            for (uint slot = 0; slot < Capacity; slot++)
            {
                if (Hints[slot] == gone)
                    Hints[slot] = null;
            }
            for (uint i = index; i + 1 < Count; i++)
            {
                Regions[i] = Regions[i + 1];
                Maxima[i] = Maxima[i + 1];
                Regions[i]->DirectoryIndex = i;
            }
            Count--;
            Maxima[Count] = 0;
            Max = MaximaTree.Rebuild(Maxima, Count);
        }

        /// <summary>Raises region <paramref name="index"/>'s value to <paramref name="value"/> (more than it holds) through the tree, and the maximum.</summary>
        public void Raise(uint index, uint value)
        {
            MaximaTree.Raise(Maxima, Count, index, value);
            if (value > Max)
                Max = value;
        }

        /// <summary>The index of the region holding <paramref name="pointer"/>, or MaximaTree.None.</summary>
        public uint IndexOf(byte* pointer)
        {
            RegionHeader* region = Find(pointer);
            return region == null ? MaximaTree.None : region->DirectoryIndex;
        }

        /// <summary>
        /// The region holding <paramref name="pointer"/>, or null: the hint of its 64 KiB (that
        /// region or the next one), else a binary search, which leaves the hint for next time.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public RegionHeader* Find(byte* pointer)
        {
            if (Capacity == 0)
                return null;
            RegionHeader* hint = Hints[((ulong)pointer >> HintShift) & (Capacity - 1)];
            if (hint != null && pointer >= (byte*)hint)
            {
                if (pointer < (byte*)hint + hint->Bytes)
                    return hint;
                RegionHeader* next = hint->Next;
                if (next != null && RegionHeader.Contains(next, pointer))
                    return next;
            }
            return Search(pointer);
        }

        /// <summary>Find's binary search: the last region starting at or below the pointer, if it holds it; sets the hint.</summary>
        private RegionHeader* Search(byte* pointer)
        {
            if (Count == 0)
                return null;
            uint low = 0;
            uint size = Count;
            while (size > 1)
            {
                uint half = size / 2;
                // Without a branch (the outcome is random): all ones when the pointer lies below that region.
                uint below = (uint)((long)((ulong)pointer - (ulong)Regions[low + half]) >> 63);
                low += half & ~below;
                size -= half;
            }
            RegionHeader* region = Regions[low];
            if (!RegionHeader.Contains(region, pointer))
                return null;
            // The hint is the lowest region overlapping the pointer's 64 KiB, so that region or
            // the next holds any pointer there when regions are 64 KiB or more.
            ulong spanStart = (ulong)pointer & ~((1UL << HintShift) - 1);
            RegionHeader* lowest = region;
            while (lowest->Previous != null && (ulong)lowest->Previous + lowest->Previous->Bytes > spanStart)
                lowest = lowest->Previous;
            Hints[((ulong)pointer >> HintShift) & (Capacity - 1)] = lowest;
            return region;
        }

        /// <summary>Gives the storage back (the heap is empty).</summary>
        public ulong Release(PageSource source)
        {
            ulong bytes = StoragePages * PageMath.PageSize;
            if (StoragePages != 0)
                source.FreePages((byte*)Regions, StoragePages);
            Regions = null;
            Maxima = null;
            Hints = null;
            Count = 0;
            Capacity = 0;
            Max = 0;
            StoragePages = 0;
            return bytes;
        }
    }
}
