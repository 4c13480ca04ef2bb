using MyOS.Core.Memory;
using MyOS.Core.Memory.Map;
using MyOS.Core.Memory.Physical;
using Xunit;
using static MyOS.Tests.Memory.PageAllocatorTestMaps;

namespace MyOS.Tests.Memory
{
    /// <summary>The pagedef.h helpers, the usable limit and the metadata size formula.</summary>
    public unsafe class PageAllocatorMathTests
    {
        [Theory]
        [InlineData(0UL, 0UL)]
        [InlineData(1UL, 0UL)]
        [InlineData(0xFFFUL, 0UL)]
        [InlineData(0x1000UL, 0x1000UL)]
        [InlineData(0x1FFFUL, 0x1000UL)]
        [InlineData(ulong.MaxValue, 0xFFFFFFFFFFFFF000UL)]
        public void PageAlignAddressRoundsDown(ulong address, ulong expected)
        {
            Assert.Equal(expected, PageMath.PageAlignAddress(address));
        }

        [Fact]
        public void PageAlignPointerRoundsDown()
        {
            Assert.True(PageMath.PageAlignPointer((void*)0xFFFF800000001234) == (void*)0xFFFF800000001000);
            Assert.True(PageMath.PageAlignPointer((void*)0x2000) == (void*)0x2000);
        }

        [Theory]
        [InlineData(0UL, 0UL)]
        [InlineData(1UL, 1UL)]
        [InlineData(4095UL, 1UL)]
        [InlineData(4096UL, 1UL)]
        [InlineData(4097UL, 2UL)]
        [InlineData(ulong.MaxValue - 4095, 0xFFFFFFFFFFFFFUL)]
        [InlineData(ulong.MaxValue, 0x10000000000000UL)]   // 2^52: rounding up does not wrap
        public void GetPageCountRoundsUpWithoutOverflow(ulong bytes, ulong expected)
        {
            Assert.Equal(expected, PageMath.GetPageCount(bytes));
        }

        [Fact]
        public void PageSizeIs4KiB()
        {
            Assert.Equal(4096UL, PageMath.PageSize);
            Assert.Equal(PageMath.PageSize, 1UL << PageMath.PageShift);
        }

        [Fact]
        public void UsableLimitIsTheEndOfTheHighestWholeUsablePage()
        {
            Assert.Equal(0x7FE0000UL, PhysicalPageAllocator.UsableLimit(Qemu128M(), 6));
            Assert.Equal(0x9F000UL, PhysicalPageAllocator.UsableLimit(Qemu128M(), 2)); // only the first entries
            Assert.Equal(0UL, PhysicalPageAllocator.UsableLimit(new[] { Usable(0x1800, 0x2400) }, 1));
            Assert.Equal(0UL, PhysicalPageAllocator.UsableLimit(new[] { Reserved(0, GiB) }, 1));
            Assert.Equal(0UL, PhysicalPageAllocator.UsableLimit(null, 3));
            // A region whose end wraps is cut at the top of the address space.
            var wrap = new MemoryRange(0xFFFFFFFFFFFF0000, 0x20000, MemoryKind.Usable);
            Assert.Equal(0xFFFFFFFFFFFFF000UL, PhysicalPageAllocator.UsableLimit(new[] { wrap }, 1));
        }

        [Fact]
        public void MetadataStaysSmallForLargeMaps()
        {
            // 11 bits per page (free, usable, continues a run, a byte of owner) and 8 bytes per 512 pages.
            Assert.InRange(PageAllocator.MetadataBytesFor(4 * GiB), 1400 * KiB, 1430 * KiB);
            Assert.InRange(PageAllocator.MetadataBytesFor(64 * GiB), 22 * MiB, 22 * MiB + 512 * KiB);
            Assert.Equal(4 * GiB / 4096, ByteMapPageAllocator.MetadataBytesFor(4 * GiB));
            Assert.True(PageAllocator.MetadataBytesFor(0) < 16);
            Assert.True(PageAllocator.MetadataBytesFor(4096) < PageAllocator.MetadataBytesFor(4 * MiB));
        }
    }
}
