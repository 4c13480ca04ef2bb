using MyOS.Core.Memory.Heap;
using Xunit;
using static MyOS.Tests.Memory.HeapTestKit;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// The checked free the shell uses: each kind of bad pointer gets its own answer and leaves
    /// the heap exactly as it was. Run on both heaps (the classification is shared; Free is not).
    /// </summary>
    public unsafe class BlockAllocatorCheckedFreeTests
    {
        /// <summary>A heap with three 100-byte blocks a, b, c at the start of its region, then the free tail.</summary>
        private static HeapAllocator Setup(HeapKind kind, HeapPoolPageSource pool, out byte* a, out byte* b, out byte* c)
        {
            HeapAllocator heap = HeapAllocator.Create(kind, pool);
            a = heap.Allocate(100);
            b = heap.Allocate(100);
            c = heap.Allocate(100);
            return heap;
        }

        /// <summary>Asserts that CheckedFree gives <paramref name="expected"/> and changes nothing.</summary>
        private static void AssertRefused(HeapAllocator heap, byte* pointer, HeapFreeResult expected)
        {
            HeapStats before = heap.GetStats();
            Assert.Equal(expected, heap.CheckedFree(pointer));
            AssertSameStats(before, heap.GetStats());
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void OkFreesTheBlock(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = Setup(kind, pool, out byte* a, out byte* b, out byte* c);
            Assert.Equal(HeapFreeResult.Ok, heap.CheckedFree(b));
            Assert.Equal(2UL, heap.GetStats().UsedBlocks);
            AssertConsistent(heap);
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void NullIsReportedAsNull(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = Setup(kind, pool, out _, out _, out _);
            AssertRefused(heap, null, HeapFreeResult.Null);
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void PointerOutsideEveryRegionIsNotInHeap(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = Setup(kind, pool, out _, out _, out _);
            ulong local = 0;
            AssertRefused(heap, (byte*)&local, HeapFreeResult.NotInHeap);
            AssertRefused(heap, pool.Base + BlockPlacement.MinGrowthBytes, HeapFreeResult.NotInHeap);  // just past the region
            AssertRefused(heap, pool.Base - 8, HeapFreeResult.NotInHeap);
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void UnalignedPointerIsMisaligned(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = Setup(kind, pool, out byte* a, out byte* b, out _);
            AssertRefused(heap, b + 1, HeapFreeResult.Misaligned);
            AssertRefused(heap, b - 3, HeapFreeResult.Misaligned);
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void PointerInsideABlockIsNotBlockStart(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = Setup(kind, pool, out byte* a, out byte* b, out byte* c);
            AssertRefused(heap, b + 8, HeapFreeResult.NotBlockStart);
            AssertRefused(heap, b - 8, HeapFreeResult.NotBlockStart);          // its header
            AssertRefused(heap, pool.Base + 8, HeapFreeResult.NotBlockStart);  // the region header
            AssertRefused(heap, c + 200, HeapFreeResult.NotBlockStart);        // inside the free tail
            AssertRefused(heap, pool.Base + BlockPlacement.MinGrowthBytes - 8, HeapFreeResult.NotBlockStart);  // trailer
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void SecondFreeIsDoubleFree(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = Setup(kind, pool, out byte* a, out byte* b, out byte* c);
            Assert.Equal(HeapFreeResult.Ok, heap.CheckedFree(a));
            AssertRefused(heap, a, HeapFreeResult.DoubleFree);
            Assert.Equal(HeapFreeResult.Ok, heap.CheckedFree(b));   // b merges into a on its left
            AssertRefused(heap, b, HeapFreeResult.DoubleFree);
            heap.Free(b);                                           // the unchecked free ignores it too
            AssertConsistent(heap);
            Assert.Equal(1UL, heap.GetStats().UsedBlocks);
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void OverwrittenHeaderIsCorrupted(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = Setup(kind, pool, out byte* a, out byte* b, out byte* c);
            ulong saved = *(ulong*)(b - 8);
            *(ulong*)(b - 8) = saved ^ 0x10;                         // a one-bit scribble over b's size
            AssertRefused(heap, b, HeapFreeResult.Corrupted);
            AssertRefused(heap, c, HeapFreeResult.Corrupted);        // c lies beyond the damaged header
            *(ulong*)(b - 8) = saved;
            Assert.Equal(HeapFreeResult.Ok, heap.CheckedFree(c));
            AssertConsistent(heap);
        }

        [Theory, MemberData(nameof(BothKinds), MemberType = typeof(HeapTestKit))]
        public void DamagedNeighbourHeaderIsCorrupted(HeapKind kind)
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = Setup(kind, pool, out byte* a, out byte* b, out byte* c);
            *(ulong*)(c - 8) ^= 1UL << 50;                            // c's check value: freeing b would read it
            AssertRefused(heap, b, HeapFreeResult.Corrupted);
        }
    }
}
