using System.Runtime.InteropServices;

namespace MyOS.Core.Memory.Heap
{
    /// <summary>
    /// Start of a run of pages the heap got from its PageSource. A region is laid out as
    /// [RegionHeader 64 B][chunk table][block][block]...[end marker 8 B][owner 8 B]. The region
    /// is cut into chunks of <see cref="ChunkBytes"/> by address; its chunk table holds, per
    /// chunk, the size of the largest free block that starts in it (the leaves of a
    /// <see cref="MaximaTree"/>) and where the first free block starting in it lies (the block
    /// allocator's free index; the linear baseline leaves the table unused, so both heaps lay
    /// out their regions the same way). Invariant: the blocks tile the space between the table
    /// and the end marker exactly; the end marker is a size-0 BlockHeader (never free) and the
    /// word after it points back to the region.
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Size = 64)]
    public unsafe struct RegionHeader
    {
        /// <summary>Bytes of the fixed part, before the chunk table (one cache line).</summary>
        public const ulong HeaderBytes = 64;

        /// <summary>Bytes after the last block: the end marker and the owner pointer.</summary>
        public const ulong TrailerBytes = 16;

        /// <summary>log2 of the chunk size: chunks are pages.</summary>
        public const int ChunkShift = 12;

        /// <summary>Bytes of address space per chunk of the free index.</summary>
        public const ulong ChunkBytes = 1UL << ChunkShift;

        /// <summary>The next region at a higher address; null for the last one.</summary>
        public RegionHeader* Next;

        /// <summary>The previous region at a lower address; null for the first one.</summary>
        public RegionHeader* Previous;

        /// <summary>Size of the whole region in bytes (whole pages), header and trailer included.</summary>
        public ulong Bytes;

        /// <summary>Number of chunks (Bytes / ChunkBytes): the leaves of the region's maxima tree.</summary>
        public uint Chunks;

        /// <summary>Offset of the first block from the region's start (the header and its chunk table).</summary>
        public uint FirstBlockOffset;

        /// <summary>This region's position in the heap's RegionDirectory (regions in address order).</summary>
        public uint DirectoryIndex;

        /// <summary>Offset from the region's start of the first-free table (after the maxima tree).</summary>
        public uint FirstFreeTableOffset;

        /// <summary>
        /// Bytes before the first block of a region of <paramref name="regionBytes"/>: the fixed
        /// header, the chunk maxima tree (uint entries) and the first-free offsets (one ushort per
        /// chunk), rounded so the first payload is 32-byte aligned.
        /// </summary>
        public static ulong FirstBlockOffsetFor(ulong regionBytes)
        {
            uint chunks = (uint)(regionBytes >> ChunkShift);
            ulong bytes = HeaderBytes + 4 * MaximaTree.StorageUints(chunks) + 2UL * chunks;
            return ((bytes + 8 + 31) & ~31UL) - 8;
        }

        /// <summary>Bytes of a region of <paramref name="regionBytes"/> that never hold blocks.</summary>
        public static ulong OverheadBytesFor(ulong regionBytes) => FirstBlockOffsetFor(regionBytes) + TrailerBytes;

        /// <summary>Bytes of this region that never hold blocks.</summary>
        public static ulong OverheadBytes(RegionHeader* region) => region->FirstBlockOffset + TrailerBytes;

        /// <summary>Sets a new region's size, chunk count and first-block offset (the table's contents are the index's business).</summary>
        public static void Initialize(RegionHeader* region, ulong bytes)
        {
            region->Bytes = bytes;
            region->Chunks = (uint)(bytes >> ChunkShift);
            region->FirstBlockOffset = (uint)FirstBlockOffsetFor(bytes);
            region->FirstFreeTableOffset = (uint)(HeaderBytes + 4 * MaximaTree.StorageUints(region->Chunks));
        }

        /// <summary>The region's first block (its payload is 32-byte aligned, the region being page aligned).</summary>
        public static BlockHeader* FirstBlock(RegionHeader* region) => (BlockHeader*)((byte*)region + region->FirstBlockOffset);

        /// <summary>The chunk maxima tree: leaf c is the largest free block starting in chunk c, in 8-byte units.</summary>
        public static uint* ChunkMaxima(RegionHeader* region) => (uint*)((byte*)region + HeaderBytes);

        /// <summary>Per chunk, the offset in 8-byte units from the chunk's start of its first free block; valid when the chunk's maximum is not 0.</summary>
        public static ushort* ChunkFirstFree(RegionHeader* region) => (ushort*)((byte*)region + region->FirstFreeTableOffset);

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
