using MyOS.Core.Memory.Heap;
using MyOS.Core.Memory.Physical;


namespace MyOS.Core
{
    /// <summary>Gives the heap pages from the page allocator, addressed through the direct map (pmalloc_hhdm / pmfree_hhdm), as runs owned by the heap.</summary>
    public sealed unsafe class DirectMapPageSource : PageSource
    {
        /// <summary>The page allocator the pages come from.</summary>
        private readonly PhysicalPageAllocator _pages;

        /// <summary>Pages from <paramref name="pages"/>.</summary>
        public DirectMapPageSource(PhysicalPageAllocator pages) => _pages = pages;

        /// <summary>pmalloc_hhdm: n contiguous pages as a run of <see cref="PageOwner.Heap"/>, or null.</summary>
        public override byte* AllocatePages(ulong pages) => _pages.AllocateHhdm(pages, PageOwner.Heap);

        /// <summary>pmfree_hhdm: gives n pages back.</summary>
        public override void FreePages(byte* pointer, ulong pages) => _pages.FreeHhdm(pointer, pages);
    }
}
