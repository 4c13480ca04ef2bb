using System.Collections.Generic;
using MyOS.Core.Memory.Heap;
using Xunit;

namespace MyOS.Tests.Memory
{
    /// <summary>Helpers the heap tests share: checking a heap, listing its blocks, the placement oracle.</summary>
    public static unsafe class HeapTestKit
    {
        /// <summary>Both heap kinds, for theories that must hold for each.</summary>
        public static IEnumerable<object[]> BothKinds()
        {
            yield return new object[] { HeapKind.Block };
            yield return new object[] { HeapKind.LinearFirstFit };
        }

        /// <summary>Fails the test with the check's finding unless the heap is consistent.</summary>
        public static void AssertConsistent(HeapAllocator heap)
        {
            HeapCheckResult result = heap.Check();
            Assert.True(result.IsOk, $"heap check: {result.Status} at 0x{result.Address:x}");
        }

        /// <summary>Every block, in address order, through the heap's iterator.</summary>
        public static List<HeapBlockInfo> Blocks(HeapAllocator heap)
        {
            var list = new List<HeapBlockInfo>();
            HeapBlockIterator it = heap.GetBlocks();
            while (it.MoveNext())
                list.Add(it.Current);
            Assert.False(it.Failed);
            return list;
        }

        /// <summary>Walks all blocks; true when the walk reached the end rather than a damaged header.</summary>
        public static bool IteratorReachesEnd(HeapAllocator heap)
        {
            HeapBlockIterator it = heap.GetBlocks();
            while (it.MoveNext())
            {
            }
            return !it.Failed;
        }

        /// <summary>
        /// Where first fit must put a request, computed straight from the definition: the first
        /// free block in address order that the placement rule accepts. Null when none does.
        /// </summary>
        public static byte* ExpectedFirstFit(HeapAllocator heap, ulong size, ulong alignment)
        {
            ulong need = BlockPlacement.BlockBytesFor(size);
            alignment = BlockPlacement.NormalizeAlignment(alignment);
            foreach (HeapBlockInfo block in Blocks(heap))
            {
                if (!block.IsFree)
                    continue;
                BlockHeader* header = BlockHeader.FromPayload(block.Payload);
                ulong gap = BlockPlacement.FitGap(header, block.BlockBytes, need, alignment);
                if (gap != BlockPlacement.NoFit)
                    return block.Payload + gap;
            }
            return null;
        }

        /// <summary>Asserts two statistics snapshots are equal field by field.</summary>
        public static void AssertSameStats(HeapStats expected, HeapStats actual)
        {
            Assert.Equal(expected.HeapBytes, actual.HeapBytes);
            Assert.Equal(expected.UsedBytes, actual.UsedBytes);
            Assert.Equal(expected.FreeBytes, actual.FreeBytes);
            Assert.Equal(expected.OverheadBytes, actual.OverheadBytes);
            Assert.Equal(expected.UsedBlocks, actual.UsedBlocks);
            Assert.Equal(expected.FreeBlocks, actual.FreeBlocks);
            Assert.Equal(expected.LargestFreeBytes, actual.LargestFreeBytes);
            Assert.Equal(expected.Regions, actual.Regions);
            Assert.Equal(expected.FragmentationBasisPoints, actual.FragmentationBasisPoints);
        }
    }
}
