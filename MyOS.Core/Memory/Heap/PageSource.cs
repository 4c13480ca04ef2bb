namespace MyOS.Core.Memory.Heap
{
    /// <summary>
    /// Where a heap gets its memory: runs of contiguous 4 KiB pages. The kernel adapts its page
    /// allocator to this (pmalloc_hhdm / pmfree_hhdm); host tests implement it over native memory.
    /// Contract: a run is returned to the source whole, with the page count it was asked for.
    /// </summary>
    public abstract unsafe class PageSource
    {

        /// <summary>
        /// Returns a pointer to <paramref name="pages"/> contiguous pages, 4 KiB aligned and
        /// writable, or null when the source cannot provide them.
        /// </summary>
        public abstract byte* AllocatePages(ulong pages);

        /// <summary>
        /// Gives back a run obtained from <see cref="AllocatePages"/>: the same pointer and the
        /// same page count.
        /// </summary>
        public abstract void FreePages(byte* pointer, ulong pages);
    }
}
