using MyOS.Core.Memory;
using Xunit;
using static MyOS.Tests.Memory.PageAllocatorTestMaps;

namespace MyOS.Tests.Memory
{
    /// <summary>pmfree's "free whatever the state" rule, and every error of the checked TryFree leaving the state unchanged.</summary>
    public class PageAllocatorFreeTests
    {
        /// <summary>QEMU map with pages 1..9 used, 10 free, 11..19 used; everything else free.</summary>
        private static PageAllocatorHarness Prepared(PageAllocatorKind kind)
        {
            var h = PageAllocatorHarness.Create(kind, Qemu128M());
            Assert.Equal(0x1000UL, h.Allocator.Allocate(19));
            h.Allocator.Free(0xA000, 1);
            return h;
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void FreeMarksFreeWhateverTheState(PageAllocatorKind kind)
        {
            using var h = Prepared(kind);
            var a = h.Allocator;
            ulong before = a.FreePages;
            a.Free(0x5000, 10);                                   // pages 5..14, page 10 already free
            Assert.Equal(before + 9, a.FreePages);
            a.Free(0x5000, 10);                                   // all free now: no change
            Assert.Equal(before + 9, a.FreePages);
            Assert.Equal(PageState.Free, a.QueryPage(0xE000));
            Assert.Equal(PageState.Used, a.QueryPage(0xF000));
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void FreeSkipsReservedPagesAndIgnoresBadArguments(PageAllocatorKind kind)
        {
            using var h = PageAllocatorHarness.Create(kind, Qemu128M());
            var a = h.Allocator;
            Assert.Equal(0x1000UL, a.Allocate(158));                 // all of low memory
            Assert.Equal(0x100000UL, a.Allocate(0x7FE0 - 0x100 - 1));  // all but the last page
            Assert.Equal(1UL, a.FreePages);
            PageState[] snapshot = h.Snapshot();

            a.Free(0x9F000, 0x61);                                // page 0x9F and the hole: all reserved
            a.Free(0x1800, 1);                                    // unaligned: ignored entirely
            a.Free(0x7FE0000, 100);                               // past the managed range
            a.Free(0xFFFFFFFFFFFFF000, ulong.MaxValue);           // would wrap: clipped away
            a.Free(0x2000, 0);                                    // zero pages
            Assert.Equal(snapshot, h.Snapshot());
            Assert.Equal(1UL, a.FreePages);

            a.Free(0x9E000, ulong.MaxValue);                      // from 0x9E to the end: usable pages only
            Assert.Equal(PageState.Free, a.QueryPage(0x9E000));
            Assert.Equal(PageState.Reserved, a.QueryPage(0x9F000));
            Assert.Equal(PageState.Reserved, a.QueryPage(0xF0000));
            Assert.Equal(PageState.Free, a.QueryPage(0x100000));
            Assert.Equal(PageState.Used, a.QueryPage(0x9D000));
            Assert.Equal(1 + (0x7FE0UL - 0x100), a.FreePages);      // page 0x9E and all high RAM
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap, 0x2000UL, 0UL, PageFreeResult.ZeroPages)]
        [InlineData(PageAllocatorKind.Bitmap, 0x2800UL, 1UL, PageFreeResult.Unaligned)]
        [InlineData(PageAllocatorKind.Bitmap, 0xFFFFFFFFFFFFF000UL, 1UL, PageFreeResult.Overflow)]
        [InlineData(PageAllocatorKind.Bitmap, 0x1000UL, ulong.MaxValue, PageFreeResult.Overflow)]
        [InlineData(PageAllocatorKind.Bitmap, 0x7FE0000UL, 1UL, PageFreeResult.OutOfRange)]
        [InlineData(PageAllocatorKind.Bitmap, 0x7FDF000UL, 2UL, PageFreeResult.OutOfRange)]
        [InlineData(PageAllocatorKind.Bitmap, 0x100000000UL, 1UL, PageFreeResult.OutOfRange)]
        [InlineData(PageAllocatorKind.Bitmap, 0UL, 2UL, PageFreeResult.Reserved)]
        [InlineData(PageAllocatorKind.Bitmap, 0x9F000UL, 1UL, PageFreeResult.Reserved)]
        [InlineData(PageAllocatorKind.Bitmap, 0x9E000UL, 0x70UL, PageFreeResult.Reserved)]
        [InlineData(PageAllocatorKind.Bitmap, 0x5000UL, 10UL, PageFreeResult.AlreadyFree)]
        [InlineData(PageAllocatorKind.Bitmap, 0xA000UL, 1UL, PageFreeResult.AlreadyFree)]
        [InlineData(PageAllocatorKind.Bitmap, 0x13000UL, 2UL, PageFreeResult.AlreadyFree)]
        [InlineData(PageAllocatorKind.Bitmap, 0x0UL, 12UL, PageFreeResult.Reserved)] // reserved beats already free
        [InlineData(PageAllocatorKind.ByteMap, 0x2000UL, 0UL, PageFreeResult.ZeroPages)]
        [InlineData(PageAllocatorKind.ByteMap, 0x2800UL, 1UL, PageFreeResult.Unaligned)]
        [InlineData(PageAllocatorKind.ByteMap, 0xFFFFFFFFFFFFF000UL, 1UL, PageFreeResult.Overflow)]
        [InlineData(PageAllocatorKind.ByteMap, 0x1000UL, ulong.MaxValue, PageFreeResult.Overflow)]
        [InlineData(PageAllocatorKind.ByteMap, 0x7FE0000UL, 1UL, PageFreeResult.OutOfRange)]
        [InlineData(PageAllocatorKind.ByteMap, 0x7FDF000UL, 2UL, PageFreeResult.OutOfRange)]
        [InlineData(PageAllocatorKind.ByteMap, 0x100000000UL, 1UL, PageFreeResult.OutOfRange)]
        [InlineData(PageAllocatorKind.ByteMap, 0UL, 2UL, PageFreeResult.Reserved)]
        [InlineData(PageAllocatorKind.ByteMap, 0x9F000UL, 1UL, PageFreeResult.Reserved)]
        [InlineData(PageAllocatorKind.ByteMap, 0x9E000UL, 0x70UL, PageFreeResult.Reserved)]
        [InlineData(PageAllocatorKind.ByteMap, 0x5000UL, 10UL, PageFreeResult.AlreadyFree)]
        [InlineData(PageAllocatorKind.ByteMap, 0xA000UL, 1UL, PageFreeResult.AlreadyFree)]
        [InlineData(PageAllocatorKind.ByteMap, 0x13000UL, 2UL, PageFreeResult.AlreadyFree)]
        [InlineData(PageAllocatorKind.ByteMap, 0x0UL, 12UL, PageFreeResult.Reserved)]
        public void TryFreeErrorLeavesStateUnchanged(PageAllocatorKind kind, ulong address, ulong pages, PageFreeResult expected)
        {
            using var h = Prepared(kind);
            var a = h.Allocator;
            PageState[] before = h.Snapshot();
            PageAllocatorStats stats = a.GetStats();

            Assert.Equal(expected, a.TryFree(address, pages));

            Assert.Equal(before, h.Snapshot());
            Assert.Equal(stats, a.GetStats());
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void TryFreeOkFreesExactlyTheRun(PageAllocatorKind kind)
        {
            using var h = Prepared(kind);
            var a = h.Allocator;
            ulong free = a.FreePages;
            Assert.Equal(PageFreeResult.Ok, a.TryFree(0x1000, 9));
            Assert.Equal(free + 9, a.FreePages);
            Assert.Equal(PageState.Free, a.QueryPage(0x9000));
            Assert.Equal(PageState.Used, a.QueryPage(0xB000));
            Assert.Equal(PageFreeResult.AlreadyFree, a.TryFree(0x1000, 1)); // a double free is caught
            Assert.Equal(PageFreeResult.Ok, a.TryFree(0xB000, 9));
            Assert.Equal(a.UsablePages, a.FreePages);
        }
    }
}
