using System;
using System.Linq;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Heap;
using Xunit;
using static MyOS.Tests.Memory.HeapTestKit;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// Allocation, splitting, coalescing, alignment, growth, release and exhaustion, checked for
    /// both heaps (the block allocator and the linear baseline) with exact addresses and totals.
    /// </summary>
    public unsafe class HeapBehaviourTests
    {
        private const ulong Region = BlockPlacement.MinGrowthBytes;
        /// <summary>The heap's region directory: one page, taken with the first region.</summary>
        private const ulong Directory = PageMath.PageSize;
        private static readonly ulong s_overhead = RegionHeader.OverheadBytesFor(Region);
        private static readonly ulong s_firstPayload = RegionHeader.FirstBlockOffsetFor(Region) + BlockHeader.Size;

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void SplitLeavesTheRestFreeAndPlacesNextRequestRightAfter(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = HeapAllocator.Create(kind, pool);
            byte* a = heap.Allocate(100);                   // 104 bytes of payload + 8 = 112
            Assert.Equal((ulong)(pool.Base + s_firstPayload), (ulong)a);
            HeapStats s = heap.GetStats();
            Assert.Equal(Region + Directory, s.HeapBytes);
            Assert.Equal(112UL, s.UsedBytes);
            Assert.Equal(1UL, s.UsedBlocks);
            Assert.Equal(1UL, s.FreeBlocks);
            Assert.Equal(Region - s_overhead - 112, s.FreeBytes);
            Assert.Equal(s.FreeBytes, s.LargestFreeBytes);
            Assert.Equal(0UL, s.FragmentationBasisPoints);

            byte* b = heap.Allocate(1);                     // the minimum block
            Assert.Equal((ulong)(a + 112), (ulong)b);
            Assert.Equal(BlockHeader.MinBlockBytes - BlockHeader.Size, heap.UsableSize(b));
            AssertConsistent(heap);
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void RemainderTooSmallForABlockGoesWithTheAllocation(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = HeapAllocator.Create(kind, pool);
            ulong room = Region - s_overhead;
            byte* p = heap.Allocate(room - 40 - 8);         // leaves 40 bytes: too small to be a free block
            Assert.Equal(room - 8, heap.UsableSize(p));
            Assert.Equal(0UL, heap.GetStats().FreeBlocks);
            AssertConsistent(heap);
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void FreeCoalescesWithRightNeighbour(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = HeapAllocator.Create(kind, pool);
            byte* a = heap.Allocate(200), b = heap.Allocate(200), c = heap.Allocate(200);
            heap.Free(b);
            heap.Free(a);                                   // a takes in b on its right
            AssertConsistent(heap);
            var free = Blocks(heap).Where(x => x.IsFree).ToList();
            Assert.Equal(2, free.Count);
            Assert.Equal((ulong)a, (ulong)free[0].Payload);
            Assert.Equal(416UL, free[0].BlockBytes);
            Assert.Equal((ulong)a, (ulong)heap.Allocate(408));   // exactly the merged block
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void FreeCoalescesWithLeftNeighbour(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = HeapAllocator.Create(kind, pool);
            byte* a = heap.Allocate(200), b = heap.Allocate(200), c = heap.Allocate(200);
            heap.Free(a);
            heap.Free(b);                                   // b joins a on its left
            AssertConsistent(heap);
            var free = Blocks(heap).Where(x => x.IsFree).ToList();
            Assert.Equal(2, free.Count);
            Assert.Equal((ulong)a, (ulong)free[0].Payload);
            Assert.Equal(416UL, free[0].BlockBytes);
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void FreeCoalescesWithBothNeighbours(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = HeapAllocator.Create(kind, pool);
            byte* a = heap.Allocate(200), b = heap.Allocate(200), c = heap.Allocate(200), d = heap.Allocate(200);
            heap.Free(a);
            heap.Free(c);
            Assert.Equal(3UL, heap.GetStats().FreeBlocks);
            heap.Free(b);                                   // a, b and c become one block
            AssertConsistent(heap);
            HeapStats s = heap.GetStats();
            Assert.Equal(2UL, s.FreeBlocks);
            Assert.Equal(1UL, s.UsedBlocks);
            Assert.Equal(624UL, Blocks(heap)[0].BlockBytes);
            heap.Free(d);                                   // and now everything merges with the tail
            s = heap.GetStats();
            Assert.Equal(1UL, s.FreeBlocks);
            Assert.Equal(Region - s_overhead, s.LargestFreeBytes);
            AssertConsistent(heap);
        }

        [Theory]
        [InlineData(HeapKind.Block, 8UL)]
        [InlineData(HeapKind.Block, 16UL)]
        [InlineData(HeapKind.Block, 64UL)]
        [InlineData(HeapKind.Block, 4096UL)]
        [InlineData(HeapKind.LinearFirstFit, 16UL)]
        [InlineData(HeapKind.LinearFirstFit, 4096UL)]
        public void AlignedRequestsAreAlignedAndPlacedAtTheFirstFit(HeapKind kind, ulong alignment)
        {
            using var pool = new HeapPoolPageSource(4 << 20);
            HeapAllocator heap = HeapAllocator.Create(kind, pool);
            var rng = new Random(7);
            var live = new System.Collections.Generic.List<IntPtr>();
            for (int i = 0; i < 300; i++)
            {
                ulong size = (ulong)rng.Next(1, 700);
                ulong align = i % 3 == 0 ? alignment : 8;
                byte* expected = ExpectedFirstFit(heap, size, align);
                byte* p = heap.Allocate(size, align, false);
                Assert.True(p != null);
                Assert.Equal(0UL, (ulong)p % align);
                if (expected != null)
                    Assert.Equal((ulong)expected, (ulong)p);
                live.Add((IntPtr)p);
                if (rng.Next(3) == 0)
                {
                    int k = rng.Next(live.Count);
                    heap.Free((byte*)live[k]);
                    live.RemoveAt(k);
                }
            }
            AssertConsistent(heap);
            foreach (IntPtr p in live)
                heap.Free((byte*)p);
            AssertConsistent(heap);
            Assert.Equal(0UL, heap.GetStats().UsedBlocks);
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void PageAlignedRequestLeavesTheGapInFrontFree(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = HeapAllocator.Create(kind, pool);
            byte* p = heap.Allocate(100, 4096, false);
            Assert.Equal((ulong)(pool.Base + 4096), (ulong)p);
            var blocks = Blocks(heap);
            Assert.True(blocks[0].IsFree);                  // the gap from the region start
            Assert.Equal(4096 - s_firstPayload, blocks[0].BlockBytes);
            Assert.False(blocks[1].IsFree);
            heap.Free(p);
            Assert.Equal(1UL, heap.GetStats().FreeBlocks);
            AssertConsistent(heap);
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void AlignedRequestSkipsABigEnoughBlockThatCannotBeAligned(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = HeapAllocator.Create(kind, pool);
            Assert.Equal(192UL, s_firstPayload);              // the region's first block starts at 184
            byte* before = heap.Allocate(72);               // block [184, 264)
            byte* first = heap.Allocate(200);               // block [264, 472), payload 272
            byte* guard = heap.Allocate(8);                 // block [472, 528)
            heap.Free(first);                               // a free block of 208 bytes at offset 264
            // 120 bytes need a 128-byte block; at 64-byte alignment the payload cannot go at offset
            // 320 (a gap of 48 is too small to stay free) but at 384, and 112 + 128 > 208: no fit there.
            byte* p = heap.Allocate(120, 64, false);
            Assert.True(p > guard && before != null);
            Assert.Equal(0UL, (ulong)p % 64);
            // The tail block starts at offset 528: payload 576 would leave a 40-byte gap, so 640.
            Assert.Equal((ulong)(pool.Base + 640), (ulong)p);
            AssertConsistent(heap);
            Assert.Equal((ulong)first, (ulong)heap.Allocate(120, 16, false));   // at 16 it fits the first block
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void InvalidAlignmentOrHugeSizeReturnsNullAndChangesNothing(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = HeapAllocator.Create(kind, pool);
            heap.Allocate(10);
            HeapStats before = heap.GetStats();
            Assert.True(heap.Allocate(10, 24, false) == null);
            Assert.True(heap.Allocate(BlockPlacement.MaxRequestBytes + 1, 8, false) == null);
            Assert.True(heap.Allocate(10, 1UL << 40, false) == null);
            AssertSameStats(before, heap.GetStats());
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void GrowsAcrossNonAdjacentRegionsAndGivesEmptyOnesBack(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(8 << 20, guardPages: 1);
            HeapAllocator heap = HeapAllocator.Create(kind, pool);
            var live = new System.Collections.Generic.List<IntPtr>();
            for (int i = 0; i < 400; i++)
                live.Add((IntPtr)heap.Allocate(1000));      // about 400 KB: several 64 KiB regions
            byte* big = heap.Allocate(1 << 20);             // a region of its own, sized to fit
            Assert.True(big != null);
            HeapStats s = heap.GetStats();
            Assert.True(s.Regions >= 7, $"regions {s.Regions}");
            Assert.Equal(s.Regions + 1, (ulong)pool.RunsInUse);   // and the directory
            Assert.Equal(pool.PagesInUse * PageMath.PageSize, s.HeapBytes);
            AssertConsistent(heap);

            // Every block is found by walking its own region.
            foreach (IntPtr p in live)
                Assert.Equal(HeapFreeResult.Ok, heap.ClassifyPointer((byte*)p));

            heap.Free(big);                                 // its region is wholly free: given back
            Assert.Equal(s.Regions - 1, heap.GetStats().Regions);
            foreach (IntPtr p in live)
                heap.Free((byte*)p);
            s = heap.GetStats();
            Assert.Equal(1UL, s.Regions);                   // one small region is kept
            Assert.Equal(BlockPlacement.MinGrowthBytes + Directory, s.HeapBytes);
            Assert.Equal((BlockPlacement.MinGrowthBytes + Directory) / PageMath.PageSize, pool.PagesInUse);
            AssertConsistent(heap);
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void LastRegionIsGivenBackWhenItIsBig(HeapKind kind)
        {
            using var source = new HeapNativePageSource();
            HeapAllocator heap = HeapAllocator.Create(kind, source);
            byte* big = heap.Allocate(1 << 20);
            Assert.Equal(2, source.RunsInUse);              // the region and the directory
            heap.Free(big);
            Assert.Equal(0, source.RunsInUse);
            Assert.Equal(0UL, heap.GetStats().HeapBytes);
            AssertConsistent(heap);
            Assert.True(heap.Allocate(8) != null);         // and the heap grows again
            AssertConsistent(heap);
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void ReleaseAllGivesEveryPageBack_OnlyWhenNothingIsInUse(HeapKind kind)
        {
            using var source = new HeapNativePageSource();
            HeapAllocator heap = HeapAllocator.Create(kind, source);
            byte* a = heap.Allocate(100);
            byte* b = heap.Allocate(5000);
            HeapStats before = heap.GetStats();
            Assert.False(heap.ReleaseAll());                // blocks in use: refused, nothing changes
            AssertSameStats(before, heap.GetStats());
            Assert.Equal(2, source.RunsInUse);              // the region and the directory

            heap.Free(a);
            heap.Free(b);
            Assert.Equal(2, source.RunsInUse);              // Free keeps the last small region (and the directory)
            Assert.True(heap.ReleaseAll());
            Assert.Equal(0, source.RunsInUse);
            Assert.Equal(0UL, source.PagesInUse);
            HeapStats s = heap.GetStats();
            Assert.Equal(0UL, s.HeapBytes);
            Assert.Equal(0UL, s.FreeBlocks);
            Assert.Equal(0UL, s.FreeBytes);
            AssertConsistent(heap);
            Assert.True(heap.Allocate(8) != null);          // and the heap grows again
            AssertConsistent(heap);
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void ExhaustionReturnsNullAndLeavesTheHeapIntact(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(132 * 1024);   // room for two 64 KiB regions and the directory page
            HeapAllocator heap = HeapAllocator.Create(kind, pool);
            var live = new System.Collections.Generic.List<IntPtr>();
            byte* p;
            while ((p = heap.Allocate(1000)) != null)
                live.Add((IntPtr)p);
            Assert.Equal(2UL, heap.GetStats().Regions);
            HeapStats before = heap.GetStats();
            Assert.True(heap.Allocate(1000) == null);
            Assert.True(heap.Allocate(1 << 20) == null);
            AssertSameStats(before, heap.GetStats());
            AssertConsistent(heap);

            heap.Free((byte*)live[5]);
            Assert.Equal((ulong)live[5], (ulong)heap.Allocate(1000));   // the hole is reused
            foreach (IntPtr q in live)
                heap.Free((byte*)q);
            AssertConsistent(heap);
            Assert.Equal(1UL, heap.GetStats().Regions);
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void ZeroedAllocationIsZeroEvenOverDirtyMemory(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = HeapAllocator.Create(kind, pool);
            byte* dirty = heap.Allocate(500);
            new Span<byte>(dirty, 500).Fill(0xFF);
            heap.Free(dirty);
            byte* p = heap.AllocateZeroed(500, 8, false);
            Assert.Equal((ulong)dirty, (ulong)p);
            Assert.True(new Span<byte>(p, 500).IndexOfAnyExcept((byte)0) < 0);
            byte* fresh = heap.AllocateZeroed(3000, 64, true);   // fresh pages are 0xCD in the pool
            Assert.True(new Span<byte>(fresh, 3000).IndexOfAnyExcept((byte)0) < 0);
            AssertConsistent(heap);
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void ManagedFlagIsKeptAndListed(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = HeapAllocator.Create(kind, pool);
            byte* raw = heap.Allocate(64, 8, false);
            byte* obj = heap.Allocate(64, 8, true);
            Assert.False(heap.IsManaged(raw));
            Assert.True(heap.IsManaged(obj));
            Assert.False(heap.IsManaged(null));
            Assert.False(heap.IsManaged(obj + 1));
            var blocks = Blocks(heap);
            Assert.Equal(3, blocks.Count);
            Assert.False(blocks[0].IsManaged);
            Assert.True(blocks[1].IsManaged);
            Assert.True(blocks[2].IsFree);
            heap.Free(raw);                                 // the managed block's PreviousFree changes; the flag stays
            Assert.True(heap.IsManaged(obj));
            heap.Free(obj);
            Assert.False(heap.IsManaged(obj));
            AssertConsistent(heap);
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void FreeOfNullDoesNothingAndZeroSizeGivesAMinimalBlock(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = HeapAllocator.Create(kind, pool);
            heap.Free(null);
            Assert.Equal(0UL, heap.GetStats().HeapBytes);
            byte* a = heap.Allocate(0);
            byte* b = heap.Allocate(0);
            Assert.True(a != null && b != null && a != b);
            Assert.Equal(BlockHeader.MinBlockBytes - BlockHeader.Size, heap.UsableSize(a));
            AssertConsistent(heap);
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void IteratorTilesEveryRegionAndStatsAddUp(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(4 << 20, guardPages: 2);
            HeapAllocator heap = HeapAllocator.Create(kind, pool);
            var rng = new Random(3);
            for (int i = 0; i < 500; i++)
            {
                byte* p = heap.Allocate((ulong)rng.Next(1, 3000));
                if (i % 4 == 0)
                    heap.Free(p);
            }
            HeapStats s = heap.GetStats();
            var blocks = Blocks(heap);
            Assert.Equal(s.UsedBlocks + s.FreeBlocks, (ulong)blocks.Count);
            Assert.Equal(s.UsedBytes, (ulong)blocks.Where(b => !b.IsFree).Sum(b => (long)b.BlockBytes));
            Assert.Equal(s.FreeBytes, (ulong)blocks.Where(b => b.IsFree).Sum(b => (long)b.BlockBytes));
            Assert.Equal(s.Regions * s_overhead + Directory, s.OverheadBytes);
            Assert.Equal(s.LargestFreeBytes, blocks.Where(b => b.IsFree).Max(b => b.BlockBytes));
            for (int i = 1; i < blocks.Count; i++)
                Assert.True(blocks[i].Payload > blocks[i - 1].Payload);
            AssertConsistent(heap);
        }
    }
}
