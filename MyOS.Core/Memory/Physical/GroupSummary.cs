namespace MyOS.Core.Memory.Physical
{
    /// <summary>
    /// Four numbers that describe one group of 512 pages, so that a search can pass over the
    /// group without reading its eight bitmap words. Free is always exact; Head, Tail and
    /// Longest are recomputed lazily and are valid only while Longest is not Stale.
    /// </summary>
    internal struct GroupSummary
    {
        /// <summary>Longest value meaning "the group changed since Head, Tail and Longest were computed".</summary>
        public const ushort Stale = 0xFFFF;

        /// <summary>Free pages in the group, 0..512; kept exact on every change.</summary>
        public ushort Free;
        /// <summary>Longest run of free pages lying inside the group, 0..512, or Stale.</summary>
        public ushort Longest;
        /// <summary>Free pages at the start of the group (a run from below can end in them); valid unless Stale.</summary>
        public ushort Head;
        /// <summary>Free pages at the end of the group (a run can continue from them upwards); valid unless Stale.</summary>
        public ushort Tail;
    }
}
