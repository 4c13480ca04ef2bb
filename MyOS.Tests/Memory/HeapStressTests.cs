using System;
using System.Collections.Generic;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Heap;
using Xunit;
using static MyOS.Tests.Memory.HeapTestKit;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// Long random runs with the full heap check every few operations. Each payload is filled
    /// with a byte unique to its allocation and verified before it is freed, so two live
    /// blocks that overlap, or a heap write into a live payload, fail the test.
    /// </summary>
    public unsafe class HeapStressTests
    {
        [Theory]
        [InlineData(HeapKind.Block, 31, 120_000)]
        [InlineData(HeapKind.Block, 32, 120_000)]
        [InlineData(HeapKind.LinearFirstFit, 33, 20_000)]
        public void RandomWorkloadKeepsTheHeapConsistent(HeapKind kind, int seed, int operations)
        {
            using var source = new HeapNativePageSource();
            HeapAllocator heap = HeapAllocator.Create(kind, source);
            var rng = new Random(seed);
            var live = new List<(IntPtr pointer, int size, byte fill)>();
            int target = 1500;

            for (int op = 0; op < operations; op++)
            {
                if (op % 20_000 == 10_000)
                    target = rng.Next(50, 4000);    // the live count wanders: regions come and go
                if (live.Count < target && (live.Count == 0 || rng.Next(100) < 60))
                {
                    int size = RandomSize(rng);
                    ulong alignment = rng.Next(10) == 0 ? 1UL << rng.Next(4, 13) : 8;
                    byte* p = heap.Allocate((ulong)size, alignment, rng.Next(2) == 0);
                    Assert.True(p != null);
                    Assert.Equal(0UL, (ulong)p % alignment);
                    byte fill = (byte)rng.Next(256);
                    new Span<byte>(p, size).Fill(fill);
                    live.Add(((IntPtr)p, size, fill));
                }
                else if (live.Count > 0)
                {
                    int k = rng.Next(live.Count);
                    var (pointer, size, fill) = live[k];
                    Assert.True(new Span<byte>((byte*)pointer, size).IndexOfAnyExcept(fill) < 0, "payload overwritten");
                    Assert.Equal(HeapFreeResult.Ok, op % 7 == 0 ? heap.CheckedFree((byte*)pointer) : FreeUnchecked(heap, (byte*)pointer));
                    live[k] = live[live.Count - 1];
                    live.RemoveAt(live.Count - 1);
                }
                if (op % 97 == 0)
                    AssertConsistent(heap);
            }

            foreach (var (pointer, _, _) in live)
                heap.Free((byte*)pointer);
            AssertConsistent(heap);
            HeapStats s = heap.GetStats();
            Assert.Equal(0UL, s.UsedBlocks);
            Assert.True(s.Regions <= 1);
            Assert.Equal(s.HeapBytes, source.PagesInUse * PageMath.PageSize);
        }

        private static HeapFreeResult FreeUnchecked(HeapAllocator heap, byte* pointer)
        {
            heap.Free(pointer);
            return HeapFreeResult.Ok;
        }

        /// <summary>Mostly 1..1000 bytes, some tiny power-law sizes, a few large blocks.</summary>
        private static int RandomSize(Random rng)
        {
            int kind = rng.Next(100);
            if (kind < 70)
                return rng.Next(1, 1001);
            if (kind < 95)
                return (int)Math.Min(4000, 4 / Math.Pow(1 - rng.NextDouble(), 1 / 1.2));
            return rng.Next(4096, 200_000);
        }
    }
}
