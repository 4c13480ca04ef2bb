using MyOS.Core;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Physical;

namespace MyOS.Diagnostics.Tests
{
    /// <summary>
    /// Takes every free page one at a time until pmalloc returns 0, writes a pattern that is
    /// distinct per page (its own physical address mixed with the word index) through the
    /// direct map, reads every page back, frees all, and checks the free count is restored.
    /// The pages are chained through their first word, so the test needs no other memory.
    /// Every 8th word of each page is written (one per cache line) to keep the run short on
    /// software-emulated CPUs with gigabytes of RAM.
    /// </summary>
    public sealed unsafe class PageExhaustionTest : KernelTest
    {
        public override string Name => "pages.exhaust-pattern-restore";

        protected override void Execute()
        {
            PhysicalPageAllocator pages = KernelMemory.Pages;
            ulong freeBefore = pages.FreePages;
            ulong chain = 0, count = 0;
            while (true)
            {
                ulong page = pages.Allocate(1);
                if (page == 0)
                    break;
                Check(page != 0 && (page & (PageMath.PageSize - 1)) == 0, "pmalloc returned an unaligned page");
                ulong* words = (ulong*)DirectMap.Kernel.ToPointer(new PhysicalAddress(page));
                for (int i = 8; i < 512; i += 8)
                    words[i] = Pattern(page, i);
                words[0] = chain;
                chain = page;
                count++;
            }
            Check(count == freeBefore, "pages taken until exhaustion differ from the free count before");
            Check(pages.FreePages == 0, "free count is not 0 after exhaustion");

            ulong bad = 0;
            for (ulong page = chain; page != 0;)
            {
                ulong* words = (ulong*)DirectMap.Kernel.ToPointer(new PhysicalAddress(page));
                for (int i = 8; i < 512; i += 8)
                {
                    if (words[i] != Pattern(page, i))
                        bad++;
                }

                ulong next = words[0];
                pages.Free(page, 1);
                page = next;
            }
            Check(bad == 0, "a page did not read back its pattern");
            Check(pages.FreePages == freeBefore, "free count not restored after freeing every page");
        }

        private static ulong Pattern(ulong page, int word) => (page * 0x9E3779B97F4A7C15UL) ^ (ulong)word ^ 0x5A5A5A5A00000000UL;
    }
}
