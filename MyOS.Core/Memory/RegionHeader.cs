namespace MyOS.Core.Memory
{
    /// <summary>
    /// Start of a run of pages the heap got from its PageSource. A region is laid out as
    /// [RegionHeader 24 B][block][block]...[end marker 8 B][owner 8 B]. Invariant: the blocks
    /// tile the space between the header and the end marker exactly; the end marker is a
    /// size-0 BlockHeader (never free) and the word after it points back to the region.
    /// </summary>
    public unsafe struct RegionHeader
    {
        /// <summary>Bytes before the first block.</summary>
        public const ulong HeaderBytes = 24;

        /// <summary>Bytes after the last block: the end marker and the owner pointer.</summary>
        public const ulong TrailerBytes = 16;

        /// <summary>Bytes of a region that never hold blocks.</summary>
        public const ulong OverheadBytes = HeaderBytes + TrailerBytes;

        /// <summary>The next region at a higher address; null for the last one.</summary>
        public RegionHeader* Next;

        /// <summary>The previous region at a lower address; null for the first one.</summary>
        public RegionHeader* Previous;

        /// <summary>Size of the whole region in bytes (whole pages), header and trailer included.</summary>
        public ulong Bytes;

        /// <summary>The region's first block (its payload is 32-byte aligned, the region being page aligned).</summary>
        public static BlockHeader* FirstBlock(RegionHeader* region) => (BlockHeader*)((byte*)region + HeaderBytes);

        /// <summary>The size-0 header that ends the region's blocks.</summary>
        public static BlockHeader* EndMarker(RegionHeader* region) => (BlockHeader*)((byte*)region + region->Bytes - TrailerBytes);

        /// <summary>The region an end marker belongs to (the word stored after the marker).</summary>
        public static RegionHeader* OwnerOf(BlockHeader* endMarker) => *(RegionHeader**)((byte*)endMarker + BlockHeader.Size);

        /// <summary>Writes the end marker and the owner pointer of a region whose Bytes is set.</summary>
        public static void WriteTrailer(RegionHeader* region, bool lastBlockFree)
        {
            BlockHeader* end = EndMarker(region);
            BlockHeader.Write(end, 0, lastBlockFree ? BlockHeader.PreviousFreeFlag : 0);
            *(RegionHeader**)((byte*)end + BlockHeader.Size) = region;
        }

        /// <summary>The region of the list starting at <paramref name="first"/> that holds <paramref name="pointer"/>; null when none does.</summary>
        public static RegionHeader* Find(RegionHeader* first, byte* pointer)
        {
            RegionHeader* region = first;
            while (region != null && !Contains(region, pointer))
                region = region->Next;
            return region;
        }

        /// <summary>True when <paramref name="pointer"/> lies inside the region (header and trailer included).</summary>
        public static bool Contains(RegionHeader* region, byte* pointer) =>
            pointer >= (byte*)region && pointer < (byte*)region + region->Bytes;
    }
}
