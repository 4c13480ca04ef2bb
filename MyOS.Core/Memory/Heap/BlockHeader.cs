using System.Runtime.CompilerServices;

namespace MyOS.Core.Memory.Heap
{
    /// <summary>
    /// The 8-byte word at the start of every heap block: the seed's BlockHeader {size, is_free},
    /// packed. Bits 0-31 size in 8-byte units (header included; 0 marks a region's end), bit 32
    /// Free, bit 33 PreviousFree, bit 34 Managed, bits 40-63 a check value. Invariant: the check
    /// value matches the header's own address and bits 0-39, and a free block ends with a footer
    /// that repeats its header word, so the block after it can find its start in O(1).
    /// </summary>
    public unsafe struct BlockHeader
    {
        /// <summary>Bytes in a header. The payload starts right after it (the seed's block_ptr).</summary>
        public const ulong Size = 8;

        /// <summary>
        /// Smallest block (56 bytes): header (8) + 40 bytes + footer (8). Every block is at least this
        /// big so that any block can become free; the block allocator's free index needs only the
        /// header and footer, the linear baseline's list entry needs 8 of the 40 bytes. Both heaps
        /// keep 56 so they share one placement rule (BlockPlacement).
        /// </summary>
        public const ulong MinBlockBytes = 56;

        /// <summary>Bits 0-31: the block's size in 8-byte units.</summary>
        public const ulong SizeMask = 0xFFFFFFFFUL;

        /// <summary>Bit 32: the block is free (it holds a free-structure node and a footer).</summary>
        public const ulong FreeFlag = 1UL << 32;

        /// <summary>Bit 33: the block just before this one is free, so its footer sits just before this header.</summary>
        public const ulong PreviousFreeFlag = 1UL << 33;

        /// <summary>Bit 34: the block holds a managed object (set by the runtime; read by a future GC).</summary>
        public const ulong ManagedFlag = 1UL << 34;

        /// <summary>Bits 32-39: all flag bits, the defined ones and the reserved (always 0) ones.</summary>
        public const ulong FlagBits = 0xFFUL << 32;

        /// <summary>Bits 0-39: what the check value covers.</summary>
        private const ulong CheckedBits = (1UL << 40) - 1;

        /// <summary>Size, flags and check value, laid out as the class comment says.</summary>
        public ulong Word;

        /// <summary>Block size in bytes, header included; 0 for a region's end marker.</summary>
        public ulong SizeBytes
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => (Word & SizeMask) << 3;
        }

        /// <summary>Block size in 8-byte units (the unit the free tree keeps its maxima in).</summary>
        public uint SizeUnits
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => (uint)(Word & SizeMask);
        }

        /// <summary>True when the block is free.</summary>
        public bool IsFree
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => (Word & FreeFlag) != 0;
        }

        /// <summary>True when the block just before this one is free.</summary>
        public bool IsPreviousFree
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => (Word & PreviousFreeFlag) != 0;
        }

        /// <summary>True when the block holds a managed object.</summary>
        public bool IsManaged
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => (Word & ManagedFlag) != 0;
        }

        /// <summary>True for the size-0 marker that ends every region.</summary>
        public bool IsEnd
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => (Word & SizeMask) == 0;
        }

        /// <summary>Writes a header: size in bytes (a multiple of 8) and flag bits, with a fresh check value.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Write(BlockHeader* header, ulong sizeBytes, ulong flags)
        {
            ulong low = (sizeBytes >> 3) | (flags & FlagBits);
            header->Word = low | (CheckFor(header, low) << 40);
        }

        /// <summary>
        /// Makes the block a free block of <paramref name="sizeBytes"/>: header and footer.
        /// A free block never has PreviousFree or Managed set (free neighbours are always merged).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void WriteFree(BlockHeader* header, ulong sizeBytes)
        {
            Write(header, sizeBytes, FreeFlag);
            *(ulong*)((byte*)header + sizeBytes - Size) = header->Word;
        }

        /// <summary>Sets or clears the PreviousFree flag, keeping size and other flags.</summary>
        public static void SetPreviousFree(BlockHeader* header, bool previousFree)
        {
            ulong flags = header->Word & FlagBits & ~PreviousFreeFlag;
            if (previousFree)
                flags |= PreviousFreeFlag;
            Write(header, header->SizeBytes, flags);
        }

        /// <summary>True when the check value matches: the word was written by the heap at this address.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsIntact(BlockHeader* header)
        {
            ulong word = header->Word;
            return (word >> 40) == CheckFor(header, word & CheckedBits);
        }

        /// <summary>The first payload byte (the seed's block_ptr): right after the 8-byte header, so 8-byte aligned.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static byte* Payload(BlockHeader* header) => (byte*)header + Size;

        /// <summary>The header of the block whose payload starts at <paramref name="payload"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static BlockHeader* FromPayload(byte* payload) => (BlockHeader*)(payload - Size);

        /// <summary>The block right after this one (or the region's end marker).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static BlockHeader* Next(BlockHeader* header) => (BlockHeader*)((byte*)header + header->SizeBytes);

        /// <summary>The free block just before this one, found through its footer. Only valid when IsPreviousFree.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static BlockHeader* Previous(BlockHeader* header)
        {
            ulong footer = *(ulong*)((byte*)header - Size);
            return (BlockHeader*)((byte*)header - ((footer & SizeMask) << 3));
        }

        /// <summary>The footer word of a free block (the last 8 bytes); equals the header word when intact.</summary>
        public static ulong Footer(BlockHeader* freeBlock) => *(ulong*)((byte*)freeBlock + freeBlock->SizeBytes - Size);

        /// <summary>
        /// 24-bit check value of a header's address and low 40 bits: one multiply by an odd
        /// constant carries every input bit into the top bits, so a scribble, a copied header or
        /// a pointer that is not a block start matches only by chance (1 in 2^24).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong CheckFor(BlockHeader* header, ulong low) =>
            ((((ulong)header >> 3) ^ (low << 24) ^ 0x5851F42D4C957F2DUL) * 0x9E3779B97F4A7C15UL) >> 40;
    }
}
