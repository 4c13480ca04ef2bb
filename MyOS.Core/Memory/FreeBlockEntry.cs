using System.Runtime.CompilerServices;

namespace MyOS.Core.Memory
{
    /// <summary>
    /// The free-tree node, stored inside a free block right after its header (the seed's
    /// FreeBlockEntry; the block is the 8 bytes before the entry, so no block pointer is kept).
    /// Nodes are ordered by address: everything under Left lies below, under Right above.
    /// Each node keeps its children's largest sizes, so a descent reads one node per level.
    /// Left/Right and LeftMaxUnits/RightMaxUnits are declared side by side so hot paths can pick
    /// one by a side number (0 left, 1 right) instead of a branch that random data mispredicts.
    /// </summary>
    public unsafe struct FreeBlockEntry
    {
        /// <summary>Root of the subtree of free blocks at lower addresses; null when there are none.</summary>
        public FreeBlockEntry* Left;

        /// <summary>Root of the subtree of free blocks at higher addresses; null when there are none.</summary>
        public FreeBlockEntry* Right;

        /// <summary>The node this one hangs under; null for the tree's root.</summary>
        public FreeBlockEntry* Parent;

        /// <summary>Largest block size in the Left subtree, in 8-byte units; 0 when it is empty.</summary>
        public uint LeftMaxUnits;

        /// <summary>Largest block size in the Right subtree, in 8-byte units; 0 when it is empty.</summary>
        public uint RightMaxUnits;

        /// <summary>AVL height of this subtree: 1 for a leaf. Sibling subtrees differ by at most 1.</summary>
        public uint Height;

        /// <summary>The free block that holds this entry.</summary>
        public static BlockHeader* Block(FreeBlockEntry* entry) => (BlockHeader*)((byte*)entry - BlockHeader.Size);

        /// <summary>The entry inside a free block.</summary>
        public static FreeBlockEntry* Of(BlockHeader* block) => (FreeBlockEntry*)((byte*)block + BlockHeader.Size);

        /// <summary>Largest block size in the subtree rooted here, this block included, in 8-byte units.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint SubtreeMaxUnits(FreeBlockEntry* entry) =>
            Max(Block(entry)->SizeUnits, Max(entry->LeftMaxUnits, entry->RightMaxUnits));

        /// <summary>The child on <paramref name="side"/> (0 left, 1 right).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static FreeBlockEntry* Child(FreeBlockEntry* entry, uint side) => (&entry->Left)[side];

        /// <summary>Where the child link of <paramref name="side"/> (0 left, 1 right) is stored.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static FreeBlockEntry** ChildLink(FreeBlockEntry* entry, uint side) => &entry->Left + side;

        /// <summary>Where the child maximum of <paramref name="side"/> (0 left, 1 right) is stored.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint* ChildMax(FreeBlockEntry* entry, uint side) => &entry->LeftMaxUnits + side;

        /// <summary>Which side of <paramref name="parent"/> <paramref name="child"/> hangs on: 0 left, 1 right.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint SideOf(FreeBlockEntry* parent, FreeBlockEntry* child) => parent->Right == child ? 1u : 0u;

        /// <summary>The larger of two sizes, computed without a branch.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Max(uint a, uint b)
        {
            long difference = (long)a - b;
            return (uint)(a - (difference & (difference >> 63)));   // subtracts the difference only when a < b
        }
    }
}
