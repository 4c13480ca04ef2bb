namespace MyOS.Core.Memory.Heap
{
    /// <summary>
    /// The linear baseline's free-list link, stored inside a free block right after its header:
    /// the seed's FreeBlockEntry {block, next_entry} with block implied by the entry's address.
    /// The list is kept in address order.
    /// </summary>
    public unsafe struct FreeListEntry
    {
        /// <summary>The entry of the next free block at a higher address; null for the last one.</summary>
        public FreeListEntry* Next;

        /// <summary>The free block that holds this entry.</summary>
        public static BlockHeader* Block(FreeListEntry* entry) => (BlockHeader*)((byte*)entry - BlockHeader.Size);

        /// <summary>The entry inside a free block.</summary>
        public static FreeListEntry* Of(BlockHeader* block) => (FreeListEntry*)((byte*)block + BlockHeader.Size);
    }
}
