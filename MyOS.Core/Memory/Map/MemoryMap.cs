namespace MyOS.Core.Memory.Map
{
    /// <summary>
    /// The boot memory map: raw firmware entries go in with Add, Build turns them into a clean
    /// map, and Reserve / TakeUsable carve out what the kernel uses. After Build the ranges are
    /// sorted, never overlap, neighbours of the same kind are merged, every Usable range starts
    /// and ends on a 4 KiB page boundary, and page 0 is never Usable (so address 0 means "none").
    /// </summary>
    public sealed class MemoryMap
    {
        /// <summary>Capacity used by the parameterless constructor.</summary>
        public const int DefaultCapacity = 256;
        /// <summary>TakeUsable looks at or above this address first (1 MiB).</summary>
        public const ulong LowMemoryEnd = 0x100000;

        // _ranges[0.._count) is the map. The two scratch arrays receive a rebuilt map, which
        // replaces _ranges only when it fitted, so a failed operation changes nothing.
        private MemoryRange[] _ranges;
        private MemoryRange[] _scratchA;
        private MemoryRange[] _scratchB;
        private readonly ulong[] _points;   // range boundaries, used by Build's sweep
        private int _count;
        private bool _built;                // false after Add until the next Build

        /// <summary>Creates a map holding up to DefaultCapacity ranges.</summary>
        public MemoryMap() : this(DefaultCapacity)
        {
        }

        /// <summary>Creates a map holding up to capacity ranges (at least 1); all storage is allocated here.</summary>
        public MemoryMap(int capacity)
        {
            if (capacity < 1)
                capacity = 1;
            _ranges = new MemoryRange[capacity];
            _scratchA = new MemoryRange[capacity];
            _scratchB = new MemoryRange[capacity];
            _points = new ulong[capacity * 2];
        }

        /// <summary>Number of ranges (raw entries before Build).</summary>
        public int Count => _count;
        /// <summary>True after a successful Build and no Add since.</summary>
        public bool IsBuilt => _built;
        /// <summary>Bytes covered by ranges of any kind, each byte once (valid after Build).</summary>
        public ulong TotalBytes { get; private set; }
        /// <summary>Bytes in Usable ranges (valid after Build).</summary>
        public ulong UsableBytes { get; private set; }
        /// <summary>End (one past the last byte) of the highest Usable range; 0 if none.</summary>
        public ulong HighestUsableEnd { get; private set; }

        /// <summary>Range i in address order; an empty range if i is out of range.</summary>
        public MemoryRange this[int i] => GetRange(i);

        /// <summary>Range i in address order; an empty range if i is out of range.</summary>
        public MemoryRange GetRange(int i)
        {
            if (i < 0 || i >= _count)
                return default(MemoryRange);
            return _ranges[i];
        }

        /// <summary>Index of the range holding address, or -1 if it lies in a hole.</summary>
        public int FindRange(ulong address)
        {
            for (int i = 0; i < _count; i++)
            {
                if (address >= _ranges[i].Base && address < _ranges[i].End)
                    return i;
            }
            return -1;
        }

        /// <summary>Adds a raw entry as the firmware reported it (see Add(ulong, ulong, MemoryKind)).</summary>
        public MemoryMapStatus Add(MemoryRange range)
        {
            return Add(range.Base, range.Length, range.Kind);
        }

        /// <summary>
        /// Adds a raw entry; overlaps, order and alignment are sorted out by Build. Empty entries
        /// are ignored, unknown kinds become Reserved. Needs a Build afterwards.
        /// </summary>
        public MemoryMapStatus Add(ulong baseAddress, ulong length, MemoryKind kind)
        {
            if (length > ulong.MaxValue - baseAddress)
                return MemoryMapStatus.InvalidRange;
            if (length == 0)
                return MemoryMapStatus.Ok;
            if (_count >= _ranges.Length)
                return MemoryMapStatus.Full;
            _ranges[_count] = new MemoryRange(baseAddress, length, MemoryKindPriority.Normalize(kind));
            _count++;
            _built = false;
            return MemoryMapStatus.Ok;
        }

        /// <summary>
        /// Turns the entries into a clean map: sort, resolve overlaps (MemoryKindPriority: the more
        /// restrictive kind wins), merge neighbours, clip Usable ranges inward to pages (the cut
        /// slivers become Reserved, so TotalBytes still counts them), and make page 0 Reserved.
        /// Returns Full if the result needs more than Capacity ranges; the entries are then kept
        /// (only sorted).
        /// </summary>
        public MemoryMapStatus Build()
        {
            MemoryRangeList.SortByBase(_ranges, _count);
            int swept = MemoryMapPasses.Sweep(_ranges, _count, _points, _scratchA);
            if (swept < 0)
                return MemoryMapStatus.Full;
            int clipped = MemoryMapPasses.ClipUsableToPages(_scratchA, swept, _scratchB);
            if (clipped < 0)
                return MemoryMapStatus.Full;
            // Page 0 holds the real-mode interrupt table, and keeping it out makes 0 mean "none".
            int final = MemoryMapPasses.ConvertUsable(_scratchB, clipped, _scratchA, 0, PageMath.PageSize, MemoryKind.Reserved);
            if (final < 0)
                return MemoryMapStatus.Full;
            Commit(final);
            _built = true;
            return MemoryMapStatus.Ok;
        }

        /// <summary>
        /// Marks the Usable bytes of [baseAddress, baseAddress + length), widened outward to
        /// whole pages, as Kernel, splitting ranges as needed. Bytes of other kinds and holes stay
        /// as they are: they are already out of the allocator's reach. Length 0 does nothing.
        /// </summary>
        public MemoryMapStatus Reserve(ulong baseAddress, ulong length)
        {
            if (!_built)
                return MemoryMapStatus.NotBuilt;
            if (length > ulong.MaxValue - baseAddress)
                return MemoryMapStatus.InvalidRange;
            if (length == 0)
                return MemoryMapStatus.Ok;
            ulong start = MemoryMapPasses.AlignDown(baseAddress, PageMath.PageSize);
            ulong end = MemoryMapPasses.AlignUp(baseAddress + length, PageMath.PageSize);
            int n = MemoryMapPasses.ConvertUsable(_ranges, _count, _scratchA, start, end, MemoryKind.Kernel);
            if (n < 0)
                return MemoryMapStatus.Full;
            Commit(n);
            return MemoryMapStatus.Ok;
        }

        /// <summary>
        /// Takes bytes (rounded up to whole pages) of Usable memory aligned to align (a power of
        /// two; below a page means a page), marks them Kernel and returns their physical address,
        /// or 0 if nothing fits, the map is not built or align is not a power of two. It picks the
        /// lowest fit at or above 1 MiB (low memory is scarce, and low addresses are the ones
        /// identity-mapped early); only if none exists, the lowest fit below 1 MiB.
        /// </summary>
        public ulong TakeUsable(ulong bytes, ulong align)
        {
            ulong address = FindUsable(bytes, align);
            if (address == 0 || Reserve(address, MemoryMapPasses.AlignUp(bytes, PageMath.PageSize)) != MemoryMapStatus.Ok)
                return 0;
            return address;
        }

        /// <summary>
        /// Where <see cref="TakeUsable"/> would take its bytes, without reserving them: for memory
        /// the page allocator hands to its owner as a run once it exists (its own metadata).
        /// </summary>
        public ulong FindUsable(ulong bytes, ulong align)
        {
            if (!_built || bytes == 0 || bytes > ulong.MaxValue - PageMath.PageSize)
                return 0;
            if (align == 0 || align < PageMath.PageSize)
                align = PageMath.PageSize;
            if ((align & (align - 1)) != 0)
                return 0;
            ulong size = MemoryMapPasses.AlignUp(bytes, PageMath.PageSize);
            ulong address = FindFit(size, align, LowMemoryEnd);
            if (address == 0)
                address = FindFit(size, align, 0);
            return address;
        }

        /// <summary>Lowest align-aligned start at or above floor of size free bytes in one Usable range; 0 if none.</summary>
        private ulong FindFit(ulong size, ulong align, ulong floor)
        {
            for (int i = 0; i < _count; i++)
            {
                MemoryRange r = _ranges[i];
                if (r.Kind != MemoryKind.Usable || r.End <= floor)
                    continue;
                ulong start = MemoryMapPasses.AlignUp(r.Base > floor ? r.Base : floor, align);
                if (start < r.End && r.End - start >= size)
                    return start;
            }
            return 0;
        }

        /// <summary>Makes _scratchA (holding n ranges) the map and recomputes the statistics.</summary>
        private void Commit(int n)
        {
            MemoryRange[] old = _ranges;
            _ranges = _scratchA;
            _scratchA = old;
            _count = n;
            UpdateStatistics();
        }

        private void UpdateStatistics()
        {
            ulong total = 0, usable = 0, highest = 0;
            for (int i = 0; i < _count; i++)
            {
                total += _ranges[i].Length;
                if (_ranges[i].Kind == MemoryKind.Usable)
                {
                    usable += _ranges[i].Length;
                    highest = _ranges[i].End;   // sorted, so the last Usable one is the highest
                }
            }
            TotalBytes = total;
            UsableBytes = usable;
            HighestUsableEnd = highest;
        }
    }
}
