namespace MyOS.Core.Memory.Heap
{
    /// <summary>
    /// A heap's regions as a sorted array, with a <see cref="MaximaTree"/> over one value per
    /// region (the block allocator keeps there the largest free block of each region; the
    /// linear baseline leaves it 0). It finds the region holding a pointer by binary search and
    /// the lowest region with a free block of n units by one descent. Its storage is pages from
    /// the heap's PageSource, grown by doubling and counted in the heap's bytes. Invariant:
    /// Regions[0..Count) are in address order, region i has DirectoryIndex i, and the tree
    /// spans Count leaves (rebuilt when a region comes or goes: rare next to allocations).
    /// </summary>
    public unsafe struct RegionDirectory
    {
        /// <summary>Regions the first directory page holds; each growth doubles it.</summary>
        private const uint InitialCapacity = 256;

        /// <summary>The regions, lowest address first.</summary>
        public RegionHeader** Regions;

        /// <summary>The maxima tree, Capacity leaves (leaf i belongs to Regions[i]).</summary>
        public uint* Maxima;

        /// <summary>Regions in the directory.</summary>
        public uint Count;

        /// <summary>Regions the storage has room for.</summary>
        public uint Capacity;

        /// <summary>The largest leaf value (the tree's maximum).</summary>
        public uint Max;

        /// <summary>Pages of the storage (0 while there is none).</summary>
        public ulong StoragePages;

        /// <summary>Bytes of storage for <paramref name="capacity"/> regions, whole pages.</summary>
        private static ulong StorageBytesFor(uint capacity)
        {
            ulong bytes = 8UL * capacity + 4 * MaximaTree.StorageUints(capacity);
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

        /// <summary>Sets region <paramref name="index"/>'s value and keeps the tree's maximum.</summary>
        public void SetValue(uint index, uint value) => Max = MaximaTree.Set(Maxima, Count, index, value, Max);

        /// <summary>The index of the region holding <paramref name="pointer"/>, or MaximaTree.None. Binary search.</summary>
        public uint IndexOf(byte* pointer)
        {
            if (Count == 0)
                return MaximaTree.None;
            // The last region starting at or below the pointer.
            uint low = 0;
            uint size = Count;
            while (size > 1)
            {
                uint half = size / 2;
                low = (byte*)Regions[low + half] <= pointer ? low + half : low;
                size -= half;
            }
            RegionHeader* region = Regions[low];
            return RegionHeader.Contains(region, pointer) ? low : MaximaTree.None;
        }

        /// <summary>The region holding <paramref name="pointer"/>, or null.</summary>
        public RegionHeader* Find(byte* pointer)
        {
            uint index = IndexOf(pointer);
            return index == MaximaTree.None ? null : Regions[index];
        }

        /// <summary>Gives the storage back (the heap is empty).</summary>
        public ulong Release(PageSource source)
        {
            ulong bytes = StoragePages * PageMath.PageSize;
            if (StoragePages != 0)
                source.FreePages((byte*)Regions, StoragePages);
            Regions = null;
            Maxima = null;
            Count = 0;
            Capacity = 0;
            Max = 0;
            StoragePages = 0;
            return bytes;
        }
    }
}
