using System;
using System.Reflection;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Heap;
using Xunit;
using static MyOS.Tests.Memory.HeapTestKit;

namespace MyOS.Tests.Memory
{
    /// <summary>The heap check finds each kind of damage, and names the first one with its address.</summary>
    public unsafe class BlockAllocatorHeapCheckTests
    {
        /// <summary>A block allocator with a mix of used and free blocks.</summary>
        private static BlockAllocator Populated(HeapPoolPageSource pool, out byte*[] blocks)
        {
            var heap = new BlockAllocator(pool);
            blocks = new byte*[40];
            for (int i = 0; i < blocks.Length; i++)
                blocks[i] = heap.Allocate((ulong)(50 + 37 * i));
            for (int i = 0; i < blocks.Length; i += 3)
                heap.Free(blocks[i]);                   // free blocks 0, 3, 6, ...: many tree nodes
            AssertConsistent(heap);
            return heap;
        }

        private static void AssertFinds(HeapAllocator heap, HeapCheckStatus status, void* address)
        {
            HeapCheckResult result = heap.Check();
            Assert.Equal(status, result.Status);
            Assert.Equal((ulong)address, result.Address);
        }

        [Fact]
        public void ScribbledHeaderIsFound()
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            BlockAllocator heap = Populated(pool, out byte*[] blocks);
            byte* victim = blocks[10] - 8;
            new Span<byte>(victim, 8).Fill(0x41);       // a string overran the block before
            AssertFinds(heap, HeapCheckStatus.HeaderCorrupted, victim);
            Assert.False(IteratorReachesEnd(heap));   // the listing stops at the damage
        }

        [Fact]
        public void ScribbledFooterIsFound()
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            BlockAllocator heap = Populated(pool, out byte*[] blocks);
            BlockHeader* free = BlockHeader.FromPayload(blocks[3]);
            *(ulong*)((byte*)free + free->SizeBytes - 8) = 12345;
            AssertFinds(heap, HeapCheckStatus.FooterMismatch, free);
        }

        [Fact]
        public void WrongPreviousFreeFlagIsFound()
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            BlockAllocator heap = Populated(pool, out byte*[] blocks);
            BlockHeader* used = BlockHeader.FromPayload(blocks[5]);   // block 4 before it is used
            BlockHeader.SetPreviousFree(used, true);                  // a valid header with a wrong flag
            AssertFinds(heap, HeapCheckStatus.PreviousFreeWrong, used);
        }

        [Fact]
        public void UsedBlockMarkedFreeIsFound()
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            BlockAllocator heap = Populated(pool, out byte*[] blocks);
            BlockHeader* used = BlockHeader.FromPayload(blocks[1]);   // follows free block 0
            BlockHeader.WriteFree(used, used->SizeBytes);
            AssertFinds(heap, HeapCheckStatus.AdjacentFreeBlocks, used);
        }

        [Fact]
        public void WrongChunkMaximumIsFound()
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            BlockAllocator heap = Populated(pool, out byte*[] blocks);
            var region = (RegionHeader*)pool.Base;
            RegionHeader.ChunkMaxima(region)[1] += 1;   // chunk 1 claims a bigger free block than it has
            AssertFinds(heap, HeapCheckStatus.IndexMax, pool.Base + RegionHeader.ChunkBytes);
        }

        [Fact]
        public void WrongFirstFreeOffsetIsFound()
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            BlockAllocator heap = Populated(pool, out byte*[] blocks);
            var region = (RegionHeader*)pool.Base;
            BlockHeader* first = BlockHeader.FromPayload(blocks[0]);   // the lowest free block, in chunk 0
            RegionHeader.ChunkFirstFree(region)[0] += 1;
            AssertFinds(heap, HeapCheckStatus.IndexMissingBlock, first);
        }

        [Fact]
        public void UnderstatedRegionMaximumInTheDirectoryIsFound()
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            BlockAllocator heap = Populated(pool, out _);
            uint* maxima = DirectoryMaxima(pool);
            maxima[0] -= 1;                             // the region's largest free block would never be found
            AssertFinds(heap, HeapCheckStatus.IndexMax, pool.Base);
        }

        [Fact]
        public void OverstatedRegionMaximumIsAllowed_AndTheNextSearchLowersIt()
        {
            // Two heaps given the same requests on pools at the same offsets: the block allocator
            // with its first region's value in the directory overstated, the linear list as the oracle.
            using var pool = new HeapPoolPageSource(1 << 20);
            using var oraclePool = new HeapPoolPageSource(1 << 20);
            var heap = new BlockAllocator(pool);
            var oracle = new LinearFirstFitHeap(oraclePool);
            var blocks = new byte*[100];
            for (int i = 0; i < blocks.Length; i++)
            {
                blocks[i] = heap.Allocate(1000);            // 1,008-byte blocks: about 65 fill the first region
                Assert.Equal((ulong)(oracle.Allocate(1000) - oraclePool.Base), (ulong)(blocks[i] - pool.Base));
            }
            Assert.Equal(2UL, heap.GetStats().Regions);
            for (int i = 0; i < 60; i += 2)
            {
                heap.Free(blocks[i]);                       // holes of 1,008 bytes in the first region
                oracle.Free(oraclePool.Base + (blocks[i] - pool.Base));
            }
            uint* maxima = DirectoryMaxima(pool);
            Assert.Equal(1008u / 8, maxima[0]);
            maxima[0] = maxima[1];                          // claims the second region's largest: allowed
            AssertConsistent(heap);

            byte* placed = heap.Allocate(2000);             // fits only in the second region
            Assert.Equal((ulong)(oracle.Allocate(2000) - oraclePool.Base), (ulong)(placed - pool.Base));
            Assert.Equal(1008u / 8, maxima[0]);             // the search found less than claimed and lowered it
            AssertConsistent(heap);
            Assert.Equal((ulong)(oracle.Allocate(500) - oraclePool.Base), (ulong)(heap.Allocate(500) - pool.Base));   // into the first hole
            AssertConsistent(heap);
        }

        /// <summary>The directory's maxima: its storage is the run after the first region, the region pointers first.</summary>
        private static uint* DirectoryMaxima(HeapPoolPageSource pool) =>
            (uint*)(pool.Base + BlockPlacement.MinGrowthBytes + 8 * 128);

        [Fact]
        public void ChunkMaximumUnderstatedIsFound()
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            BlockAllocator heap = Populated(pool, out byte*[] blocks);
            var region = (RegionHeader*)pool.Base;
            RegionHeader.ChunkMaxima(region)[0] = 0;    // the free blocks of chunk 0 would never be found
            AssertFinds(heap, HeapCheckStatus.IndexMissingBlock, BlockHeader.FromPayload(blocks[0]));
        }

        [Fact]
        public void RegionSizeChangeIsFound()
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            BlockAllocator heap = Populated(pool, out _);
            ((RegionHeader*)pool.Base)->Bytes += PageMath.PageSize;   // the region claims a page more
            AssertFinds(heap, HeapCheckStatus.RegionListBroken, pool.Base);   // its chunk count no longer matches
        }

        [Fact]
        public void WrongRunningTotalIsFound()
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            BlockAllocator heap = Populated(pool, out _);
            FieldInfo used = typeof(HeapAllocator).GetField("_usedBytes", BindingFlags.NonPublic | BindingFlags.Instance);
            used.SetValue(heap, (ulong)used.GetValue(heap) + 8);
            AssertFinds(heap, HeapCheckStatus.TotalsMismatch, null);
        }

        [Fact]
        public void ManagedFlagOnAUsedBlockIsFine()
        {
            using var pool = new HeapPoolPageSource(1 << 20);
            BlockAllocator heap = Populated(pool, out byte*[] blocks);
            BlockHeader* used = BlockHeader.FromPayload(blocks[4]);   // follows free block 3
            BlockHeader.Write(used, used->SizeBytes, BlockHeader.PreviousFreeFlag | BlockHeader.ManagedFlag);
            AssertConsistent(heap);
            BlockHeader* free = BlockHeader.FromPayload(blocks[6]);
            BlockHeader.Write(free, free->SizeBytes, BlockHeader.FreeFlag | BlockHeader.ManagedFlag);
            AssertFinds(heap, HeapCheckStatus.FlagsBad, free);
        }
    }
}
