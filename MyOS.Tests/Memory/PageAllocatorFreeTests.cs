using System;
using System.Collections.Generic;
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

        /// <summary>Each refused TryFree on the Prepared map, for both kinds: address, pages, expected answer.</summary>
        public static IEnumerable<object[]> RefusedFrees()
        {
            var cases = new (ulong Address, ulong Pages, PageFreeResult Expected)[]
            {
                (0x2000, 0, PageFreeResult.ZeroPages),
                (0x2800, 1, PageFreeResult.Unaligned),
                (0xFFFFFFFFFFFFF000, 1, PageFreeResult.Overflow),    // ends exactly at 2^64
                (0x1000, ulong.MaxValue, PageFreeResult.Overflow),
                (0x7FE0000, 1, PageFreeResult.OutOfRange),           // first page past the end
                (0x7FDF000, 2, PageFreeResult.OutOfRange),           // runs past the end
                (0x100000000, 1, PageFreeResult.OutOfRange),
                (0, 2, PageFreeResult.Reserved),                     // page 0
                (0x9F000, 1, PageFreeResult.Reserved),               // partly reserved page
                (0x9E000, 0x70, PageFreeResult.Reserved),            // runs into the hole
                (0x5000, 10, PageFreeResult.AlreadyFree),            // page 10 is free
                (0xA000, 1, PageFreeResult.AlreadyFree),
                (0x13000, 2, PageFreeResult.AlreadyFree),            // page 20 is free
                (0, 12, PageFreeResult.Reserved),                    // reserved beats already free
            };
            foreach (PageAllocatorKind kind in Enum.GetValues<PageAllocatorKind>())
            {
                foreach (var c in cases)
                {
                    yield return new object[] { kind, c.Address, c.Pages, c.Expected };
                }
            }
        }

        [Theory]
        [MemberData(nameof(RefusedFrees))]
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
