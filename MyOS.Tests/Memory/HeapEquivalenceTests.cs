using System;
using System.Collections.Generic;
using MyOS.Core.Memory.Heap;
using Xunit;
using static MyOS.Tests.Memory.HeapTestKit;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// The block allocator must place every request exactly where the linear first-fit walk
    /// does. Seeded random traces of allocations (sizes 1..2000, alignments 8/16/64/4096) and
    /// frees run through both heaps side by side, each over its own identical pool with
    /// non-adjacent regions; every address (as an offset into the pool) and every statistic
    /// must agree after every step.
    /// </summary>
    public unsafe class HeapEquivalenceTests
    {
        private static readonly ulong[] s_alignments = { 8, 8, 8, 8, 8, 8, 16, 16, 64, 4096 };

        [Theory]
        [InlineData(1, 16 << 20)]
        [InlineData(2, 16 << 20)]
        [InlineData(3, 16 << 20)]
        [InlineData(4, 16 << 20)]
        [InlineData(5, 16 << 20)]
        [InlineData(6, 256 << 10)]     // small pools: growth fails part of the time
        [InlineData(7, 320 << 10)]
        [InlineData(8, 384 << 10)]
        public void BothHeapsPlaceEveryRequestAtTheSameAddress(int seed, int poolBytes)
        {
            using var poolA = new HeapPoolPageSource((ulong)poolBytes, guardPages: 1);
            using var poolB = new HeapPoolPageSource((ulong)poolBytes, guardPages: 1);
            var tree = new BlockAllocator(poolA);
            var list = new LinearFirstFitHeap(poolB);
            var rng = new Random(seed);
            var live = new List<(IntPtr a, IntPtr b)>();
            int failures = 0;

            for (int step = 0; step < 6000; step++)
            {
                if (step % 1500 == 1499)
                {
                    // A burst of frees, so whole regions empty out and go back.
                    for (int i = live.Count - 1; i >= 0; i--)
                    {
                        if (rng.Next(10) < 8)
                            FreeBoth(tree, list, live, i);
                    }
                }
                else if (live.Count == 0 || rng.Next(100) < 60)
                {
                    ulong size = (ulong)rng.Next(1, 2001);
                    ulong alignment = s_alignments[rng.Next(s_alignments.Length)];
                    bool managed = rng.Next(4) == 0;
                    byte* a = tree.Allocate(size, alignment, managed);
                    byte* b = list.Allocate(size, alignment, managed);
                    Assert.Equal(poolB.OffsetOf(b), poolA.OffsetOf(a));
                    if (a == null)
                        failures++;
                    else
                        live.Add(((IntPtr)a, (IntPtr)b));
                }
                else
                {
                    FreeBoth(tree, list, live, rng.Next(live.Count));
                }

                AssertSameStats(list.GetStats(), tree.GetStats());
                Assert.Equal(poolB.PagesInUse, poolA.PagesInUse);
                if (step % 500 == 0)
                {
                    AssertConsistent(tree);
                    AssertConsistent(list);
                }
            }

            while (live.Count > 0)
                FreeBoth(tree, list, live, rng.Next(live.Count));
            AssertSameStats(list.GetStats(), tree.GetStats());
            AssertConsistent(tree);
            AssertConsistent(list);
            Assert.Equal(1UL, tree.GetStats().Regions);
            if (poolBytes < (1 << 20))
                Assert.True(failures > 0, "the small pool should have run out at least once");
        }

        [Theory]
        [InlineData(21)]
        [InlineData(22)]
        public void EveryPlacementIsTheLowestAddressThatFits(int seed)
        {
            using var pool = new HeapPoolPageSource(8 << 20, guardPages: 3);
            var heap = new BlockAllocator(pool);
            var rng = new Random(seed);
            var live = new List<IntPtr>();
            for (int step = 0; step < 2500; step++)
            {
                if (live.Count == 0 || rng.Next(100) < 60)
                {
                    ulong size = (ulong)rng.Next(1, 2001);
                    ulong alignment = s_alignments[rng.Next(s_alignments.Length)];
                    byte* expected = ExpectedFirstFit(heap, size, alignment);
                    byte* p = heap.Allocate(size, alignment, false);
                    Assert.True(p != null);
                    if (expected != null)
                        Assert.Equal((ulong)expected, (ulong)p);
                    Assert.Equal(0UL, (ulong)p % alignment);
                    live.Add((IntPtr)p);
                }
                else
                {
                    int k = rng.Next(live.Count);
                    heap.Free((byte*)live[k]);
                    live.RemoveAt(k);
                }
            }
            AssertConsistent(heap);
        }

        [Theory]
        [InlineData(31)]
        [InlineData(32)]
        public void AllocateManagedPlacesZeroesAndMarksAsTheGeneralPathDoes(int seed)
        {
            // The runtime's fast path against the linear list's Allocate(size, 8, managed: true),
            // over dirty pools (0xCD on each new page, and freed blocks refilled with 0xEE).
            using var poolA = new HeapPoolPageSource(4 << 20, guardPages: 1);
            using var poolB = new HeapPoolPageSource(4 << 20, guardPages: 1);
            var heap = new BlockAllocator(poolA);
            var list = new LinearFirstFitHeap(poolB);
            var rng = new Random(seed);
            var live = new List<(IntPtr a, IntPtr b, ulong size)>();
            for (int step = 0; step < 6000; step++)
            {
                if (live.Count == 0 || rng.Next(100) < 55)
                {
                    ulong size = rng.Next(8) == 0 ? (ulong)rng.Next(0, 20000) : (ulong)rng.Next(0, 600);
                    byte* a = heap.AllocateManaged(size);
                    byte* b = list.Allocate(size, 8, true);
                    Assert.Equal(poolB.OffsetOf(b), poolA.OffsetOf(a));
                    if (a == null)
                        continue;
                    for (ulong i = 0; i < size; i++)
                        Assert.Equal(0, a[i]);
                    Assert.True(heap.IsManaged(a));
                    new Span<byte>(a, (int)size).Fill(0xEE);
                    live.Add(((IntPtr)a, (IntPtr)b, size));
                }
                else
                {
                    int k = rng.Next(live.Count);
                    heap.Free((byte*)live[k].a);
                    list.Free((byte*)live[k].b);
                    live.RemoveAt(k);
                }
                if (step % 500 == 0)
                {
                    AssertConsistent(heap);
                    AssertSameStats(list.GetStats(), heap.GetStats());
                }
            }
            Assert.True(heap.AllocateManaged(BlockPlacement.MaxRequestBytes + 1) == null);   // an impossible size: null, nothing changed
            AssertSameStats(list.GetStats(), heap.GetStats());
            AssertConsistent(heap);
        }

        /// <summary>Frees live pair <paramref name="index"/> in both heaps.</summary>
        private static void FreeBoth(HeapAllocator tree, HeapAllocator list, List<(IntPtr a, IntPtr b)> live, int index)
        {
            tree.Free((byte*)live[index].a);
            list.Free((byte*)live[index].b);
            live.RemoveAt(index);
        }
    }
}
