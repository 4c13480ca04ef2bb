using System.Runtime.InteropServices;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Heap;
using Xunit;

namespace MyOS.Tests.Memory
{
    /// <summary>The block layout contract: sizes of the structures, the header word, the placement rule.</summary>
    public unsafe class BlockAllocatorLayoutTests
    {
        [Fact]
        public void StructuresHaveTheSizesTheLayoutAssumes()
        {
            Assert.Equal(8, sizeof(BlockHeader));
            Assert.True(sizeof(FreeListEntry) + 2 * (int)BlockHeader.Size <= (int)BlockHeader.MinBlockBytes);
            Assert.Equal((int)RegionHeader.HeaderBytes, sizeof(RegionHeader));
            for (ulong pages = 1; pages <= 4096; pages = pages * 2 + 1)
            {
                ulong bytes = pages * PageMath.PageSize;
                ulong first = RegionHeader.FirstBlockOffsetFor(bytes);
                Assert.Equal(0UL, (first + BlockHeader.Size) % 32);   // first payload 32-byte aligned
                // The chunk table (a maxima tree and a ushort per chunk) fits in front of the first block.
                Assert.True(first >= RegionHeader.HeaderBytes + 4 * MaximaTree.StorageUints((uint)pages) + 2 * pages);
                Assert.True(RegionHeader.OverheadBytesFor(bytes) < bytes / 2);
            }
            // A 64 KiB region loses 200 bytes (0.31 %) to its header, chunk table and trailer.
            Assert.Equal(200UL, RegionHeader.OverheadBytesFor(BlockPlacement.MinGrowthBytes));
        }

        [Fact]
        public void HeaderWordKeepsSizeAndFlagsAndCatchesEveryFlippedBit()
        {
            ulong* words = (ulong*)NativeMemory.AlignedAlloc(4096, 4096);
            try
            {
                var header = (BlockHeader*)(words + 5);
                BlockHeader.Write(header, 4096 + 72, BlockHeader.PreviousFreeFlag | BlockHeader.ManagedFlag);
                Assert.Equal(4168UL, header->SizeBytes);
                Assert.False(header->IsFree);
                Assert.True(header->IsPreviousFree);
                Assert.True(header->IsManaged);
                Assert.True(BlockHeader.IsIntact(header));

                ulong good = header->Word;
                for (int bit = 0; bit < 64; bit++)
                {
                    header->Word = good ^ (1UL << bit);
                    Assert.False(BlockHeader.IsIntact(header), $"bit {bit}");
                }
                header->Word = good;
                var copy = (BlockHeader*)(words + 6);       // the same word one slot further is not a header
                copy->Word = good;
                Assert.False(BlockHeader.IsIntact(copy));

                BlockHeader.SetPreviousFree(header, false);
                Assert.False(header->IsPreviousFree);
                Assert.True(header->IsManaged);
                Assert.True(BlockHeader.IsIntact(header));

                BlockHeader.WriteFree(header, 200);
                Assert.True(header->IsFree);
                Assert.False(header->IsManaged);
                Assert.Equal(header->Word, BlockHeader.Footer(header));
                var after = (BlockHeader*)((byte*)header + 200);
                Assert.Equal((ulong)header, (ulong)BlockHeader.Previous(after));
            }
            finally
            {
                NativeMemory.AlignedFree(words);
            }
        }

        [Theory]
        [InlineData(0x1000UL, 200UL, 112UL, 8UL, 0UL)]         // alignment 8: always at the block start
        [InlineData(0x1008UL, 200UL, 112UL, 16UL, 0UL)]        // payload 0x1010 is already 16-aligned
        [InlineData(0x1000UL, 200UL, 112UL, 16UL, 56UL)]       // a gap of 8 must grow to a whole block: 56
        [InlineData(0x1000UL, 168UL, 112UL, 16UL, 56UL)]       // exactly enough room
        [InlineData(0x1000UL, 167UL, 112UL, 16UL, BlockPlacement.NoFit)]
        [InlineData(0x1000UL, 9000UL, 112UL, 4096UL, 4088UL)]  // payload at 0x2000
        [InlineData(0x1FE0UL, 9000UL, 112UL, 4096UL, 4120UL)]  // a 24-byte gap is too small: next page
        [InlineData(0x1000UL, 100UL, 112UL, 8UL, BlockPlacement.NoFit)]
        public void FitGapFollowsThePlacementRule(ulong address, ulong blockBytes, ulong need, ulong alignment, ulong gap)
        {
            Assert.Equal(gap, BlockPlacement.FitGap((BlockHeader*)address, blockBytes, need, alignment));
        }

        [Fact]
        public void RequestSizesRoundUpToBlocks()
        {
            Assert.Equal(BlockHeader.MinBlockBytes, BlockPlacement.BlockBytesFor(0));
            Assert.Equal(BlockHeader.MinBlockBytes, BlockPlacement.BlockBytesFor(48));
            Assert.Equal(64UL, BlockPlacement.BlockBytesFor(49));
            Assert.Equal(1008UL, BlockPlacement.BlockBytesFor(1000));
            Assert.Equal(0UL, BlockPlacement.BlockBytesFor(BlockPlacement.MaxRequestBytes + 1));
            Assert.Equal(8UL, BlockPlacement.NormalizeAlignment(0));
            Assert.Equal(8UL, BlockPlacement.NormalizeAlignment(4));
            Assert.Equal(4096UL, BlockPlacement.NormalizeAlignment(4096));
            Assert.Equal(0UL, BlockPlacement.NormalizeAlignment(24));
        }
    }
}
