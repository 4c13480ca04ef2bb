namespace MyOS.Core.Memory.Map
{
    /// <summary>
    /// The kernel's own memory that is reserved in the memory map rather than allocated from
    /// the page allocator (the kernel image with its boot page tables and stack, the multiboot2
    /// information, boot modules), each with a name, so that a refused free can say what a
    /// reserved page holds. The map merges neighbouring reservations into one "kernel" range;
    /// this list keeps them apart. Invariant: entries [0, count) are what Reserve recorded, in
    /// call order; a full list drops further names (the map reservation still happens).
    /// </summary>
    public sealed class KernelReservations
    {
        /// <summary>Most named ranges kept.</summary>
        public const int Capacity = 16;

        /// <summary>First physical address of range i.</summary>
        private readonly ulong[] _bases = new ulong[Capacity];
        /// <summary>One past the last physical address of range i.</summary>
        private readonly ulong[] _ends = new ulong[Capacity];
        /// <summary>What range i holds, e.g. "kernel image".</summary>
        private readonly string[] _names = new string[Capacity];
        /// <summary>Ranges recorded.</summary>
        private int _count;

        /// <summary>
        /// Reserves [baseAddress, baseAddress + length) in <paramref name="map"/> (see
        /// <see cref="MemoryMap.Reserve"/>) and records it, widened to whole pages, under
        /// <paramref name="name"/>. Returns the map's status; the name is recorded only on Ok.
        /// </summary>
        public MemoryMapStatus Reserve(MemoryMap map, ulong baseAddress, ulong length, string name)
        {
            MemoryMapStatus status = map.Reserve(baseAddress, length);
            if (status == MemoryMapStatus.Ok && length != 0 && _count < Capacity)
            {
                _bases[_count] = PageMath.PageAlignAddress(baseAddress);
                _ends[_count] = PageMath.GetPageCount(baseAddress + length) << PageMath.PageShift;
                _names[_count] = name;
                _count++;
            }
            return status;
        }

        /// <summary>The name of the first recorded range holding <paramref name="address"/>, or null.</summary>
        public string NameOf(ulong address)
        {
            for (int i = 0; i < _count; i++)
            {
                if (address >= _bases[i] && address < _ends[i])
                    return _names[i];
            }
            return null;
        }
    }
}
