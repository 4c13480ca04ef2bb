namespace MyOS.Tests.Memory
{
    /// <summary>Which PhysicalPageAllocator implementation a test runs against.</summary>
    public enum PageAllocatorKind
    {
        /// <summary>PageAllocator: bitmap with per-group summary.</summary>
        Bitmap,
        /// <summary>ByteMapPageAllocator: the one-byte-per-page baseline.</summary>
        ByteMap,
    }
}
