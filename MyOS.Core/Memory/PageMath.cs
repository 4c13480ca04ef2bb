namespace MyOS.Core.Memory
{
    /// <summary>
    /// Page-size constants and the seed's page utilities (kan pagedef.h).
    /// Pure arithmetic on addresses: nothing here reads or writes memory.
    /// </summary>
    public static unsafe class PageMath
    {
        /// <summary>Bytes in one page (seed: PAGE_SIZE); the one page-size constant of the kernel.</summary>
        public const ulong PageSize = 4096;

        /// <summary>log2(PageSize): address &gt;&gt; PageShift is the page number.</summary>
        public const int PageShift = 12;

        /// <summary>The offset bits inside a page (PageSize - 1).</summary>
        public const ulong PageOffsetMask = PageSize - 1;

        /// <summary>
        /// Rounds an address down to the start of its page (seed: page_align_address).
        /// An address that is already aligned is returned unchanged.
        /// </summary>
        public static ulong PageAlignAddress(ulong address)
        {
            return address & ~PageOffsetMask;
        }

        /// <summary>
        /// Rounds a pointer down to the start of its page (seed: page_align_ptr and
        /// page_align_cptr; C# has no const pointers, so one method serves both).
        /// </summary>
        public static void* PageAlignPointer(void* pointer)
        {
            return (void*)((ulong)pointer & ~PageOffsetMask);
        }

        /// <summary>
        /// Pages needed to hold <paramref name="bytes"/> bytes, rounding up (seed: get_page_count).
        /// 0 bytes need 0 pages. Computed without adding PageSize - 1 first, so
        /// ulong.MaxValue gives 2^52 instead of wrapping to 0.
        /// </summary>
        public static ulong GetPageCount(ulong bytes)
        {
            ulong pages = bytes >> PageShift;
            if ((bytes & PageOffsetMask) != 0)
            {
                pages++;
            }
            return pages;
        }

        /// <summary>True when <paramref name="address"/> is the first byte of a page.</summary>
        public static bool IsPageAligned(ulong address)
        {
            return (address & PageOffsetMask) == 0;
        }
    }
}
