namespace MyOS.Core.Boot
{
    /// <summary>
    /// A stretch of physical memory that some check expected to be available RAM and was not:
    /// [Start, End) and the multiboot2 type found there (Hole when no entry covers it).
    /// </summary>
    public struct MemoryOverlap
    {
        /// <summary>Type used when no memory map entry covers the stretch.</summary>
        public const uint Hole = 0;

        /// <summary>First address of the stretch.</summary>
        public ulong Start;
        /// <summary>One past its last address.</summary>
        public ulong End;
        /// <summary>The raw multiboot2 type there, or <see cref="Hole"/>.</summary>
        public uint Type;

        /// <summary>True when a stretch was found (End above Start).</summary>
        public bool Exists => End > Start;
    }
}
