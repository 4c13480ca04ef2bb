using System;
using System.Collections.Generic;
using MyOS.Core.Memory.Physical;
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

        /// <summary>
        /// QEMU map with runs: pages 1..9 shell, 10 free, 11..19 shell, 20..23 heap, 24..25 shell,
        /// 0x9D..0x9E shell (claimed: page 0x9F above is reserved), everything else free.
        /// </summary>
        private static PageAllocatorHarness PreparedRuns(PageAllocatorKind kind)
        {
            var h = PageAllocatorHarness.Create(kind, Qemu128M());
            var a = h.Allocator;
            Assert.Equal(0x1000UL, a.Allocate(19, PageOwner.Shell));
            a.Free(0xA000, 1);                                       // cuts it in two shell runs
            Assert.Equal(0x14000UL, a.Allocate(4, PageOwner.Heap));
            Assert.Equal(0x18000UL, a.Allocate(2, PageOwner.Shell));
            Assert.True(a.Claim(0x9D000, 2, PageOwner.Shell));
            return h;
        }

        /// <summary>Each refused TryFree (by the shell) on PreparedRuns, for both kinds: address, pages, expected answer.</summary>
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
                (0x100000 - 0x1000, 1, PageFreeResult.Reserved),     // BIOS area
                (0xA000, 1, PageFreeResult.AlreadyFree),
                (0x1A000, 2, PageFreeResult.AlreadyFree),            // page 26 is free
                (0x7FDF000, 1, PageFreeResult.AlreadyFree),          // the last page
                (0x14000, 4, PageFreeResult.NotOwner),               // the heap's run
                (0x15000, 1, PageFreeResult.NotOwner),               // inside the heap's run: the owner is named first
                (0x5000, 5, PageFreeResult.InsideRun),               // inside 1..9
                (0x2000, 8, PageFreeResult.InsideRun),
                (0x1000, 8, PageFreeResult.PartialRun),              // one page short of 1..9
                (0x1000, 1, PageFreeResult.PartialRun),
                (0xB000, 10, PageFreeResult.CrossesRun),             // 11..19 and on into the heap's 20..23
                (0x1000, 10, PageFreeResult.PastRunEnd),             // 1..9 and the free page 10
                (0x18000, 3, PageFreeResult.PastRunEnd),             // 24..25 and the free page 26
                (0x9D000, 3, PageFreeResult.PastRunEnd),             // 0x9D..0x9E and the reserved page 0x9F
                (0x9D000, 0x70, PageFreeResult.PastRunEnd),          // on into the hole
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
            using var h = PreparedRuns(kind);
            var a = h.Allocator;
            PageState[] before = h.Snapshot();
            PageRun[] runs = h.Runs();
            PageAllocatorStats stats = a.GetStats();

            Assert.Equal(expected, a.TryFree(address, pages, PageOwner.Shell));

            Assert.Equal(before, h.Snapshot());
            Assert.Equal(runs, h.Runs());
            Assert.Equal(stats, a.GetStats());
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void TryFreeOkFreesExactlyTheRunOfItsOwner(PageAllocatorKind kind)
        {
            using var h = PreparedRuns(kind);
            var a = h.Allocator;
            ulong free = a.FreePages;
            Assert.Equal(PageFreeResult.Ok, a.TryFree(0x1000, 9, PageOwner.Shell));
            Assert.Equal(free + 9, a.FreePages);
            Assert.Equal(PageState.Free, a.QueryPage(0x9000));
            Assert.Equal(PageState.Used, a.QueryPage(0xB000));
            Assert.Equal(PageFreeResult.AlreadyFree, a.TryFree(0x1000, 9, PageOwner.Shell)); // a double free is caught
            Assert.Equal(PageFreeResult.NotOwner, a.TryFree(0x14000, 4, PageOwner.Shell));
            Assert.Equal(PageFreeResult.Ok, a.TryFree(0x14000, 4, PageOwner.Heap));
            Assert.Equal(PageFreeResult.Ok, a.TryFree(0xB000, 9, PageOwner.Shell));
            Assert.Equal(PageFreeResult.Ok, a.TryFree(0x18000, 2, PageOwner.Shell));
            Assert.Equal(PageFreeResult.Ok, a.TryFree(0x9D000, 2, PageOwner.Shell));
            Assert.Equal(a.UsablePages, a.FreePages);
            Assert.Empty(h.Runs());
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void AdjacentRunsKeepTheirBoundaries(PageAllocatorKind kind)
        {
            using var h = PageAllocatorHarness.Create(kind, Qemu128M());
            var a = h.Allocator;
            Assert.Equal(0x1000UL, a.Allocate(3, PageOwner.Shell));
            Assert.Equal(0x4000UL, a.Allocate(3, PageOwner.Shell));
            Assert.Equal(0x7000UL, a.Allocate(1));                   // the seed pmalloc: the kernel owns it
            Assert.Equal(new[]
            {
                new PageRun { Address = 0x1000, Pages = 3, Owner = PageOwner.Shell },
                new PageRun { Address = 0x4000, Pages = 3, Owner = PageOwner.Shell },
                new PageRun { Address = 0x7000, Pages = 1, Owner = PageOwner.Kernel },
            }, h.Runs());
            Assert.Equal(PageFreeResult.CrossesRun, a.TryFree(0x1000, 6, PageOwner.Shell));
            Assert.Equal(PageFreeResult.CrossesRun, a.TryFree(0x4000, 4, PageOwner.Shell));
            Assert.Equal(PageFreeResult.Ok, a.TryFree(0x4000, 3, PageOwner.Shell));
            Assert.Equal(PageFreeResult.PastRunEnd, a.TryFree(0x1000, 4, PageOwner.Shell));
            Assert.Equal(PageFreeResult.Ok, a.TryFree(0x7000, 1, PageOwner.Kernel));
            Assert.Equal(PageFreeResult.Ok, a.TryFree(0x1000, 3, PageOwner.Shell));
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void PmfreeOfPartOfARunLeavesRunsOfTheSameOwner(PageAllocatorKind kind)
        {
            using var h = PageAllocatorHarness.Create(kind, Qemu128M());
            var a = h.Allocator;
            Assert.Equal(0x1000UL, a.Allocate(100, PageOwner.Heap));  // pages 1..100, across a bitmap word
            a.Free(0x1000, 2);                                       // head: 3..100 stays one run
            a.Free(0x3C000, 8);                                      // middle: pages 60..67
            a.Free(0x64000, 1);                                      // tail: page 100
            Assert.Equal(new[]
            {
                new PageRun { Address = 0x3000, Pages = 57, Owner = PageOwner.Heap },
                new PageRun { Address = 0x44000, Pages = 32, Owner = PageOwner.Heap },
            }, h.Runs());
            Assert.Equal(PageFreeResult.Ok, a.TryFree(0x44000, 32, PageOwner.Heap));
            Assert.Equal(PageFreeResult.PartialRun, a.TryFree(0x3000, 56, PageOwner.Heap));
            Assert.Equal(PageFreeResult.Ok, a.TryFree(0x3000, 57, PageOwner.Heap));
            Assert.Equal(a.UsablePages, a.FreePages);
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void ClaimTakesOnlyFreeUsablePages(PageAllocatorKind kind)
        {
            using var h = PreparedRuns(kind);
            var a = h.Allocator;
            PageRun[] runs = h.Runs();
            ulong free = a.FreePages;
            Assert.False(a.Claim(0x9000, 2, PageOwner.AllocatorMetadata));    // page 9 is used
            Assert.False(a.Claim(0x9E000, 2, PageOwner.AllocatorMetadata));   // page 0x9F is reserved
            Assert.False(a.Claim(0x200800, 1, PageOwner.AllocatorMetadata));  // unaligned
            Assert.False(a.Claim(0x200000, 0, PageOwner.AllocatorMetadata));
            Assert.False(a.Claim(0x7FDF000, 2, PageOwner.AllocatorMetadata)); // past the end
            Assert.False(a.Claim(0xFFFFFFFFFFFFF000, ulong.MaxValue, PageOwner.AllocatorMetadata));
            Assert.Equal(runs, h.Runs());
            Assert.Equal(free, a.FreePages);

            Assert.True(a.Claim(0x200000, 600, PageOwner.AllocatorMetadata));  // across a group
            Assert.Equal(free - 600, a.FreePages);
            Assert.True(a.TryGetRun(0x200000 + 599 * 4096, out PageRun run));
            Assert.Equal(new PageRun { Address = 0x200000, Pages = 600, Owner = PageOwner.AllocatorMetadata }, run);
            Assert.Equal(PageOwner.AllocatorMetadata, a.OwnerOf(0x300000));
            Assert.Equal(PageFreeResult.NotOwner, a.TryFree(0x200000, 600, PageOwner.Shell));
            Assert.NotEqual(0x200000UL, a.Allocate(1));
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void PagesByOwnerAddUpToUsedPages(PageAllocatorKind kind)
        {
            using var h = PreparedRuns(kind);
            var a = h.Allocator;
            var counts = new ulong[PhysicalPageAllocator.OwnerCount];
            var lowest = new ulong[PhysicalPageAllocator.OwnerCount];
            a.CountPagesByOwner(counts, lowest);
            Assert.Equal(9UL + 9 + 2 + 2, counts[(int)PageOwner.Shell]);
            Assert.Equal(4UL, counts[(int)PageOwner.Heap]);
            Assert.Equal(a.UsedPages, counts[(int)PageOwner.Shell] + counts[(int)PageOwner.Heap]);
            Assert.Equal(0x1000UL, lowest[(int)PageOwner.Shell]);
            Assert.Equal(0x14000UL, lowest[(int)PageOwner.Heap]);
            Assert.Equal(0UL, lowest[(int)PageOwner.PageTables]);
            Assert.Equal(PageOwner.None, a.OwnerOf(0xA000));          // free
            Assert.Equal(PageOwner.None, a.OwnerOf(0));               // reserved
            Assert.False(a.TryGetRun(0x100000000, out _));            // out of range
            a.CountPagesByOwner(new ulong[2], null);                  // too short: ignored, no exception
        }
    }
}
