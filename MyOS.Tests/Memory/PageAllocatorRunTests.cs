using Xunit;
using static MyOS.Tests.Memory.PageAllocatorTestMaps;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// Runs placed where the bitmap's structure has seams: across words (64 pages), across
    /// groups (512 pages), through fully free groups, across summary words (64 groups), and
    /// after the lazily cached per-group longest run has gone stale. Both implementations.
    /// </summary>
    public class PageAllocatorRunTests
    {
        private const ulong Page = 4096;

        /// <summary>A flat map of <paramref name="size"/> with every usable page allocated.</summary>
        private static PageAllocatorHarness Full(PageAllocatorKind kind, ulong size)
        {
            var h = PageAllocatorHarness.Create(kind, Flat(size));
            Assert.Equal(Page, h.Allocator.Allocate(h.Allocator.UsablePages));
            return h;
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void RunAcrossAWordBoundary(PageAllocatorKind kind)
        {
            using var h = Full(kind, 8 * MiB);
            var a = h.Allocator;
            a.Free(60 * Page, 11);                                 // pages 60..70
            a.Free(129 * Page, 63);                                // pages 129..191: 63 inside one word
            Assert.Equal(0UL, a.Allocate(64));
            Assert.Equal(129 * Page, a.Allocate(63));
            Assert.Equal(60 * Page, a.Allocate(11));
            a.Free(128 * Page, 64);                                // exactly one word
            Assert.Equal(128 * Page, a.Allocate(64));
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void RunAcrossAGroupBoundary(PageAllocatorKind kind)
        {
            using var h = Full(kind, 8 * MiB);
            var a = h.Allocator;
            a.Free(500 * Page, 30);                                // 500..529 crosses page 512
            a.Free(1000 * Page, 10);
            Assert.Equal(30UL, a.LargestFreeRun());
            Assert.Equal(0UL, a.Allocate(31));
            Assert.Equal(500 * Page, a.Allocate(30));
            Assert.Equal(1000 * Page, a.Allocate(10));
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void RunThroughAFullyFreeGroup(PageAllocatorKind kind)
        {
            using var h = Full(kind, 8 * MiB);
            var a = h.Allocator;
            a.Free(400 * Page, 700);                               // 400..1099: group 1 wholly free
            a.Free(1200 * Page, 600);                              // 1200..1799, a later, shorter run
            Assert.Equal(700UL, a.LargestFreeRun());
            Assert.Equal(0UL, a.Allocate(701));
            Assert.Equal(400 * Page, a.Allocate(650));
            Assert.Equal(1200 * Page, a.Allocate(600));
            Assert.Equal(1050 * Page, a.Allocate(50));
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void RunAcrossASummaryWord(PageAllocatorKind kind)
        {
            using var h = Full(kind, 256 * MiB);                   // 128 groups: two summary words
            var a = h.Allocator;
            ulong seam = 64 * 512;                                 // first page of group 64
            a.Free((seam - 5) * Page, 10);
            a.Free((seam + 1000) * Page, 1);
            Assert.Equal((seam - 5) * Page, a.Allocate(10));
            Assert.Equal((seam + 1000) * Page, a.Allocate(1));
            Assert.Equal(0UL, a.Allocate(1));
            a.Free((2 * seam - 1) * Page, 1);                      // last page of the map
            Assert.Equal((2 * seam - 1) * Page, a.Allocate(1));
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void RunAtTheEndOfAGroupBeforeAFullyUsedGroup(PageAllocatorKind kind)
        {
            using var h = Full(kind, 8 * MiB);
            var a = h.Allocator;
            a.Free(900 * Page, 124);                               // the last 124 pages of group 1, over two words
            Assert.Equal(124UL, a.LargestFreeRun());               // (summarises group 1 first)
            Assert.Equal(900 * Page, a.Allocate(100));             // group 2 after it has nothing to add
            a.Free(2040 * Page, 8);                                // the last pages of the map
            Assert.Equal(1000 * Page, a.Allocate(24));             // the rest of group 1's tail
            Assert.Equal(0UL, a.Allocate(9));
            Assert.Equal(2040 * Page, a.Allocate(8));
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void LowestFitBeatsABetterFitHigherUp(PageAllocatorKind kind)
        {
            using var h = Full(kind, 8 * MiB);
            var a = h.Allocator;
            a.Free(100 * Page, 10);
            a.Free(200 * Page, 100);
            Assert.Equal(200 * Page, a.Allocate(11));
            Assert.Equal(100 * Page, a.Allocate(5));
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void LargestFreeRunFollowsChangesInsideOneGroup(PageAllocatorKind kind)
        {
            using var h = Full(kind, 8 * MiB);
            var a = h.Allocator;
            a.Free(600 * Page, 20);                                // interior run of group 1
            a.Free(1100 * Page, 19);
            Assert.Equal(20UL, a.LargestFreeRun());
            a.Free(620 * Page, 1);                                 // the same group grows: cache must not be stale
            Assert.Equal(21UL, a.LargestFreeRun());
            Assert.Equal(600 * Page, a.Allocate(1));               // and shrinks again
            Assert.Equal(20UL, a.LargestFreeRun());
            a.Free(1023 * Page, 1);                                // a run at a group's end only
            a.Free(1020 * Page, 3);
            Assert.Equal(20UL, a.LargestFreeRun());
            a.Free(1024 * Page, 30);                               // ... continued into the next group
            Assert.Equal(34UL, a.LargestFreeRun());
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void LargestFreeRunIsAGroupsOnlyRun(PageAllocatorKind kind)
        {
            // Group 2's only free pages form one interior run one longer than anything before:
            // the group's free count equals its longest run.
            using var h = Full(kind, 8 * MiB);
            var a = h.Allocator;
            a.Free(10 * Page, 40);
            a.Free(1100 * Page, 41);
            Assert.Equal(41UL, a.LargestFreeRun());
            a.Free(1550 * Page, 60);                               // group 3, ending at 1609
            Assert.Equal(60UL, a.LargestFreeRun());
            Assert.Equal(1550 * Page, a.Allocate(42));
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void SinglePagesComeBackAfterSearchesSkippedThem(PageAllocatorKind kind)
        {
            using var h = Full(kind, 256 * MiB);
            var a = h.Allocator;
            a.Free(60000 * Page, 1);
            Assert.Equal(60000 * Page, a.Allocate(1));            // moves the search start up
            a.Free(3 * Page, 1);                                   // a lower page must be found again
            Assert.Equal(3 * Page, a.Allocate(1));
            a.Free(7 * Page, 2);
            a.Free(5000 * Page, 2);
            Assert.Equal(7 * Page, a.Allocate(2));
            Assert.Equal(5000 * Page, a.Allocate(2));
            Assert.Equal(0UL, a.FreePages);
        }
    }
}
