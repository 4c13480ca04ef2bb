using MyOS.Core.Memory.Heap;

namespace MyOS.Core.Memory.Physical
{
    /// <summary>
    /// Who asked for a run of pages. The page allocator records it at the run's first page, so
    /// the checked free (<see cref="PhysicalPageAllocator.TryFree"/>) can refuse a caller that
    /// does not own the run, and meminfo can count pages by owner. Values fit in 4 bits (the byte map keeps them in half a byte).
    /// </summary>
    public enum PageOwner : byte
    {
        /// <summary>No run: the page is free, reserved or outside the managed range.</summary>
        None = 0,
        /// <summary>Kernel code that called the seed pmalloc without naming itself, and other kernel structures.</summary>
        Kernel = 1,
        /// <summary>The kernel's page tables (PML4, PDPT, PD, PT pages).</summary>
        PageTables = 2,
        /// <summary>Regions of the kernel heap (its PageSource).</summary>
        Heap = 3,
        /// <summary>The page allocator's own metadata (bitmaps, summaries, run starts, owners).</summary>
        AllocatorMetadata = 4,
        /// <summary>The garbage collector's own structures (mark stacks and the like).</summary>
        Collector = 5,
        /// <summary>The person at the shell (`pmalloc`); the only runs `pmfree` may free.</summary>
        Shell = 6,
    }
}
