namespace MyOS.Core.Memory.Heap
{
    /// <summary>One block as the heap listing shows it.</summary>
    public unsafe struct HeapBlockInfo
    {
        /// <summary>Payload start (what Allocate returned for an allocated block).</summary>
        public byte* Payload;

        /// <summary>Whole block size in bytes, the 8-byte header included.</summary>
        public ulong BlockBytes;

        /// <summary>True when the block is free.</summary>
        public bool IsFree;

        /// <summary>True when the block holds a managed object.</summary>
        public bool IsManaged;
    }
}
