using MyOS.Core.Memory;

namespace MyOS.Core
{
    /// <summary>Gives the heap pages from the page allocator, addressed through the direct map (pmalloc_hhdm / pmfree_hhdm).</summary>
    public sealed unsafe class DirectMapPageSource : PageSource
    {
        /// <summary>The page allocator the pages come from.</summary>
        private readonly PhysicalPageAllocator _pages;

        /// <summary>Pages from <paramref name="pages"/>.</summary>
        public DirectMapPageSource(PhysicalPageAllocator pages) => _pages = pages;

        /// <summary>pmalloc_hhdm: n contiguous pages, or null.</summary>
        public override byte* AllocatePages(ulong pages) => _pages.AllocateHhdm(pages);

        /// <summary>pmfree_hhdm: gives n pages back.</summary>
        public override void FreePages(byte* pointer, ulong pages) => _pages.FreeHhdm(pointer, pages);
    }
}
