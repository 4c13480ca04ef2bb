namespace MyOS.Core.Memory.Heap
{
    /// <summary>Which heap implementation to create (a kernel setting picks one).</summary>
    public enum HeapKind
    {
        /// <summary>The block allocator: first fit found through an address-ordered AVL tree, O(log n).</summary>
        Block = 0,
        /// <summary>The baseline: first fit found by walking an address-ordered free list, O(n).</summary>
        LinearFirstFit = 1,
    }
}
