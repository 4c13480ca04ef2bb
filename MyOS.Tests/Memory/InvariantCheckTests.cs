using System;
using System.Runtime.InteropServices;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Heap;
using MyOS.Core.Memory.Map;
using MyOS.Core.Memory.Physical;
using Xunit;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// The debug checks (verify=1) find what they are there to find: memory corrupted behind
    /// the allocators' backs is reported at the next operation that touches it, as the broken
    /// invariant; with the checks off, the same operation goes through unnoticed.
    /// </summary>
    public unsafe class InvariantCheckTests
    {
        private const ulong MiB = 1 << 20;

        /// <summary>A bitmap page allocator over 1..9 MiB with its metadata in a buffer this test can reach.</summary>
        private static PageAllocator PagesOver8MiB(out ulong* freeBits, out IntPtr metadata)
        {
            var map = new[] { new MemoryRange(MiB, 8 * MiB, MemoryKind.Usable) };
            ulong bytes = PageAllocator.MetadataBytesFor(9 * MiB);
            metadata = (IntPtr)NativeMemory.AllocZeroed((nuint)bytes);
            // PageBitmap.Attach puts the free bits first, at the buffer rounded up to 8 bytes.
            freeBits = (ulong*)(((ulong)metadata + 7) & ~7UL);
            return new PageAllocator(map, 1, (byte*)metadata, bytes, DirectMap.Identity);
        }

        [Fact]
        public void APageMarkedFreeBehindTheAllocatorsBackIsAGroupCountError()
        {
            PageAllocator pages = PagesOver8MiB(out ulong* freeBits, out IntPtr metadata);
            try
            {
                ulong first = pages.Allocate(1, PageOwner.Kernel);
                Assert.Equal(MiB, first);
                ulong page = first >> PageMath.PageShift;
                freeBits[page >> 6] |= 1UL << (int)(page & 63);   // free again, but not counted
                var broken = Assert.Throws<BrokenInvariantException>(() => pages.Allocate(1, PageOwner.Kernel));
                Assert.Equal(InvariantViolation.GroupFreeCount, broken.What);
            }
            finally
            {
                NativeMemory.Free((void*)metadata);
            }
        }

        [Fact]
        public void WithTheChecksOffTheSameCorruptionGoesUnnoticed()
        {
            PageAllocator pages = PagesOver8MiB(out ulong* freeBits, out IntPtr metadata);
            try
            {
                ulong page = pages.Allocate(1, PageOwner.Kernel) >> PageMath.PageShift;
                freeBits[page >> 6] |= 1UL << (int)(page & 63);
                ulong again = 0;
                InvariantChecksForHostTests.Suspended(() => again = pages.Allocate(1, PageOwner.Kernel));
                Assert.Equal(page << PageMath.PageShift, again);   // handed out twice: what verify=1 is for
            }
            finally
            {
                NativeMemory.Free((void*)metadata);
            }
        }

        /// <summary>Blocks a, b, c of 100 bytes, with a bit of b's header flipped as a stray write would leave it.</summary>
        private static HeapAllocator ThreeBlocksWithTheMiddleHeaderFlipped(HeapPoolPageSource pool, out byte* a)
        {
            HeapAllocator heap = HeapAllocator.Create(HeapKind.Block, pool);
            a = heap.Allocate(100);
            byte* b = heap.Allocate(100);
            heap.Allocate(100);
            *(ulong*)(b - BlockHeader.Size) ^= 1UL << 50;
            return heap;
        }

        private static void AssertHeapCheckFails(HeapCheckStatus expected, Action operation)
        {
            var broken = Assert.Throws<BrokenInvariantException>(operation);
            Assert.Equal(InvariantViolation.Heap, broken.What);
            Assert.Contains("detail " + (uint)expected + ")", broken.Message);
        }

        [Fact]
        public void ACorruptedNeighbourHeaderIsFoundWhenTheBlockBeforeItIsFreed()
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = ThreeBlocksWithTheMiddleHeaderFlipped(pool, out byte* a);
            AssertHeapCheckFails(HeapCheckStatus.HeaderCorrupted, () => heap.Free(a));
        }

        [Fact]
        public void ACycleInAChunksFreeListIsFoundAtTheNextOperationThere()
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = HeapAllocator.Create(HeapKind.Block, pool);
            byte* a = heap.Allocate(100);
            heap.Allocate(100);
            byte* c = heap.Allocate(100);
            heap.Allocate(100);
            heap.Free(a);
            heap.Free(c);   // two free blocks in the first chunk, a listed before c
            BlockHeader* freeC = (BlockHeader*)(c - BlockHeader.Size);
            *(BlockHeader**)((byte*)freeC + BlockHeader.Size) = freeC;   // c's next-in-chunk: itself
            AssertHeapCheckFails(HeapCheckStatus.IndexOrder, () => heap.Allocate(100));
        }

        [Fact]
        public void WithTheChecksOffACorruptedNeighbourIsPaperedOver()
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            HeapAllocator heap = ThreeBlocksWithTheMiddleHeaderFlipped(pool, out byte* a);
            InvariantChecksForHostTests.Suspended(() => heap.Free(a));
            // Free rewrote b's header (its PreviousFree flag) with a fresh check value: the damage
            // is gone from sight, and not even a whole-heap check finds it afterwards.
            Assert.True(heap.Check().IsOk);
        }
    }
}
