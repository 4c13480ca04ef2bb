namespace MyOS.Core.Memory.Map
{
    /// <summary>
    /// A range of physical addresses [Base, Base + Length) and what it holds.
    /// Plain data: the memory map, the page allocator and the shell all speak in these.
    /// </summary>
    public struct MemoryRange
    {
        /// <summary>First physical address of the range.</summary>
        public ulong Base;
        /// <summary>Length in bytes; 0 means an empty range.</summary>
        public ulong Length;
        /// <summary>What the range holds.</summary>
        public MemoryKind Kind;

        public MemoryRange(ulong baseAddress, ulong length, MemoryKind kind)
        {
            Base = baseAddress;
            Length = length;
            Kind = kind;
        }

        /// <summary>One past the last address (Base + Length).</summary>
        public ulong End => Base + Length;
    }
}
