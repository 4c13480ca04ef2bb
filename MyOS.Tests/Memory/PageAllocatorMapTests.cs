using System.Collections.Generic;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Map;
using MyOS.Core.Memory.Physical;
using Xunit;
using static MyOS.Tests.Memory.PageAllocatorTestMaps;

namespace MyOS.Tests.Memory
{
    /// <summary>Construction from synthetic memory maps and the plain pmalloc / pmfree contract, for both implementations.</summary>
    public unsafe class PageAllocatorMapTests
    {
        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void QemuMapCountsAndPlacement(PageAllocatorKind kind)
        {
            using var h = PageAllocatorHarness.Create(kind, Qemu128M());
            var a = h.Allocator;
            Assert.Equal(0x7FE0UL, a.TotalPages);                // up to the end of the last usable page
            Assert.Equal(158UL + (0x7FE0UL - 0x100UL), a.UsablePages); // pages 1..158 and 0x100..0x7FDF
            Assert.Equal(a.UsablePages, a.FreePages);
            Assert.Equal(0x7FE0UL - 0x100UL, a.LargestFreeRun());

            Assert.Equal(0x1000UL, a.Allocate(1));                // page 0 is never handed out
            Assert.Equal(0x100000UL, a.Allocate(158));            // only 157 pages left below 640 KiB
            Assert.Equal(0x2000UL, a.Allocate(157));              // lowest fit: back to low memory
            Assert.Equal(0x100000UL + 158 * 4096, a.Allocate(1));
            Assert.Equal(PageState.Reserved, a.QueryPage(0));
            Assert.Equal(PageState.Reserved, a.QueryPage(0x9F000));  // partly covered by 0x9FC00..
            Assert.Equal(PageState.Reserved, a.QueryPage(0xC0000));  // not in the map at all
            Assert.Equal(PageState.Reserved, a.QueryPage(0xF5000));
            Assert.Equal(PageState.Used, a.QueryPage(0x100000));
            Assert.Equal(PageState.Free, a.QueryPage(0x7FDF000));
            Assert.Equal(PageState.OutOfRange, a.QueryPage(0x7FE0000));
            Assert.Equal(PageState.OutOfRange, a.QueryPage(0xFFFC0000));
            Assert.True(h.GuardIntact());
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void QemuMapAllocateEveryPageOnce(PageAllocatorKind kind)
        {
            using var h = PageAllocatorHarness.Create(kind, Qemu128M());
            var a = h.Allocator;
            var seen = new HashSet<ulong>();
            ulong address;
            ulong previous = 0;
            while ((address = a.Allocate(1)) != 0)
            {
                Assert.True(address > previous);                // lowest first: strictly increasing
                Assert.Equal(0UL, address % 4096);
                Assert.True(seen.Add(address));
                previous = address;
            }
            Assert.Equal(a.UsablePages, (ulong)seen.Count);
            Assert.Equal(0UL, a.FreePages);
            Assert.Equal(a.UsablePages, a.UsedPages);
            Assert.Equal(0UL, a.LargestFreeRun());
            Assert.DoesNotContain(0x9F000UL, seen);
            Assert.DoesNotContain(0xA0000UL, seen);
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void HolesAreSkipped(PageAllocatorKind kind)
        {
            var map = new[] { Usable(1 * MiB, 2 * MiB), Usable(3 * MiB, 4 * MiB), Usable(8 * MiB, 8 * MiB + 8 * KiB) };
            using var h = PageAllocatorHarness.Create(kind, map);
            var a = h.Allocator;
            Assert.Equal(514UL, a.UsablePages);
            Assert.Equal(0UL, a.Allocate(257));                  // no region holds 257 pages
            Assert.Equal(1 * MiB, a.Allocate(256));
            Assert.Equal(3 * MiB, a.Allocate(256));
            Assert.Equal(8 * MiB, a.Allocate(2));
            Assert.Equal(0UL, a.Allocate(1));
            Assert.Equal(PageState.Reserved, a.QueryPage(2 * MiB));
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void RegionAbove4GiBIsUsed(PageAllocatorKind kind)
        {
            var map = new[] { Usable(1 * MiB, 2 * MiB), Reserved(2 * MiB, 4 * GiB), Usable(4 * GiB, 4 * GiB + 2 * MiB) };
            using var h = PageAllocatorHarness.Create(kind, map);
            var a = h.Allocator;
            Assert.Equal((4 * GiB + 2 * MiB) / 4096, a.TotalPages);
            Assert.Equal(256UL + 512UL, a.UsablePages);
            Assert.Equal(4 * GiB, a.Allocate(300));
            Assert.Equal(1 * MiB, a.Allocate(256));
            Assert.Equal(4 * GiB + 300 * 4096, a.Allocate(212));
            Assert.Equal(0UL, a.Allocate(1));
            a.Free(4 * GiB + 4096, 2);
            Assert.Equal(4 * GiB + 4096, a.Allocate(2));
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void TinyAndUnalignedRegionsKeepOnlyWholePages(PageAllocatorKind kind)
        {
            var map = new[]
            {
                Usable(0x5000, 0x5800),                          // half a page: nothing
                Usable(0x7800, 0x9800),                          // covers page 8 only
                new MemoryRange(0xA000, 0, MemoryKind.Usable), // empty
            };
            using var h = PageAllocatorHarness.Create(kind, map);
            var a = h.Allocator;
            Assert.Equal(1UL, a.UsablePages);
            Assert.Equal(9UL, a.TotalPages);
            Assert.Equal(0x8000UL, a.Allocate(1));
            Assert.Equal(0UL, a.Allocate(1));
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void EverythingReservedHandsOutNothing(PageAllocatorKind kind)
        {
            var map = new[] { Reserved(0, 16 * MiB), new MemoryRange(16 * MiB, 16 * MiB, MemoryKind.AcpiNvs) };
            using var h = PageAllocatorHarness.Create(kind, map, DirectMap.Kernel);
            var a = h.Allocator;
            Assert.Equal(0UL, a.TotalPages);
            Assert.Equal(0UL, a.UsablePages);
            Assert.Equal(0UL, a.Allocate(1));
            Assert.True(a.AllocateHhdm(1) == null);
            Assert.Equal(PageFreeResult.OutOfRange, a.TryFree(0x1000, 1, PageOwner.Kernel));
            a.Free(0x1000, 1);
            PageAllocatorStats s = a.GetStats();
            Assert.Equal(0UL, s.FreePages + s.UsedPages + s.LargestFreeRun);
            Assert.Equal(PageAllocateResult.TooLarge, a.TryAllocate(1, PageOwner.Kernel, out _));
        }

        [Fact]
        public void NoRegionsOrNullMetadataAreHarmless()
        {
            var empty = new MemoryRange[0];
            PhysicalPageAllocator[] all =
            {
                new PageAllocator(empty, 0, null, 0, DirectMap.Identity),
                new ByteMapPageAllocator(empty, 0, null, 0, DirectMap.Identity),
                new PageAllocator(null, 5, null, 0, DirectMap.Identity),
                new PageAllocator(Qemu128M(), 6, null, 0, DirectMap.Identity),      // a map but no metadata
                new ByteMapPageAllocator(Qemu128M(), 6, null, 0, DirectMap.Identity),
            };
            foreach (var a in all)
            {
                Assert.Equal(0UL, a.TotalPages);
                Assert.Equal(0UL, a.Allocate(1));
                Assert.Equal(0UL, a.LargestFreeRun());
                a.Free(0x1000, 10);
                Assert.Equal(0UL, a.FreePages);
            }
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void ExactlyOneUsablePage(PageAllocatorKind kind)
        {
            using var h = PageAllocatorHarness.Create(kind, new[] { Usable(0x1000, 0x2000) });
            var a = h.Allocator;
            Assert.Equal(1UL, a.UsablePages);
            Assert.Equal(0UL, a.Allocate(2));
            Assert.Equal(0x1000UL, a.Allocate(1));
            Assert.Equal(0UL, a.Allocate(1));
            a.Free(0x1000, 1);
            Assert.Equal(0x1000UL, a.Allocate(1));
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void PageZeroUsableInTheMapIsNeverReturned(PageAllocatorKind kind)
        {
            using var h = PageAllocatorHarness.Create(kind, new[] { Usable(0, 0x4000) });
            var a = h.Allocator;
            Assert.Equal(3UL, a.UsablePages);
            Assert.Equal(0UL, a.Allocate(4));
            Assert.Equal(0x1000UL, a.Allocate(1));
            Assert.Equal(0x2000UL, a.Allocate(1));
            Assert.Equal(0x3000UL, a.Allocate(1));
            Assert.Equal(0UL, a.Allocate(1));
            a.Free(0, 4);                                       // pmfree over page 0: skipped
            Assert.Equal(PageState.Reserved, a.QueryPage(0));
            Assert.Equal(3UL, a.FreePages);
            Assert.Equal(0x1000UL, a.Allocate(3));
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void ReservedWinsOverOverlappingUsable(PageAllocatorKind kind)
        {
            var map = new[]
            {
                new MemoryRange(3 * MiB, 1 * MiB, MemoryKind.Kernel), // listed before the RAM it lies in
                Usable(0, 16 * MiB),
                Reserved(0x200800, 0x200900),                       // a sliver reserves its whole page
            };
            using var h = PageAllocatorHarness.Create(kind, map);
            var a = h.Allocator;
            Assert.Equal(4096UL - 1 - 256 - 1, a.UsablePages);
            Assert.Equal(PageState.Reserved, a.QueryPage(0x200000));
            Assert.Equal(PageState.Free, a.QueryPage(0x1FF000));
            Assert.Equal(PageState.Free, a.QueryPage(0x201000));
            Assert.Equal(PageState.Reserved, a.QueryPage(3 * MiB));
            Assert.Equal(PageState.Reserved, a.QueryPage(4 * MiB - 4096));
            Assert.Equal(PageState.Free, a.QueryPage(4 * MiB));
            Assert.Equal(0x1000UL, a.Allocate(0x1FF));
            Assert.Equal(4 * MiB, a.Allocate(0x100));                 // 0x201..0x2FF is one page short
            Assert.Equal(0x201000UL, a.Allocate(0xFF));               // between the sliver and the kernel
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void SmallMetadataBufferShrinksTheManagedRange(PageAllocatorKind kind)
        {
            ulong bytes = kind == PageAllocatorKind.Bitmap
                ? PageAllocator.MetadataBytesFor(1 * GiB)
                : ByteMapPageAllocator.MetadataBytesFor(1 * GiB);
            using var h = PageAllocatorHarness.Create(kind, Flat(4 * GiB), metadataBytes: bytes);
            var a = h.Allocator;
            Assert.Equal(1 * GiB / 4096, a.TotalPages);
            Assert.Equal(1 * GiB / 4096 - 1, a.UsablePages);
            Assert.Equal(0x1000UL, a.Allocate(a.UsablePages));
            Assert.Equal(0UL, a.Allocate(1));
            a.Free(2 * GiB, 1);                                     // beyond the managed range: ignored
            Assert.Equal(0UL, a.FreePages);
            Assert.True(h.GuardIntact());
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void LargeMapWithSmallMetadata(PageAllocatorKind kind)
        {
            using var h = PageAllocatorHarness.Create(kind, Flat(64 * GiB));
            var a = h.Allocator;
            Assert.Equal(16UL * 1024 * 1024, a.TotalPages);
            Assert.Equal(0x1000UL, a.Allocate(1 * GiB / 4096));
            Assert.Equal(0x1000UL + 1 * GiB, a.Allocate(1));
            a.Free(0x1000 + 1 * GiB, 1);
            a.Free(0x1000, 1 * GiB / 4096);
            Assert.Equal(a.UsablePages, a.FreePages);
            Assert.Equal(a.UsablePages, a.LargestFreeRun());
            Assert.True(h.GuardIntact());
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void HhdmVariantsAddAndSubtractTheOffset(PageAllocatorKind kind)
        {
            const ulong hhdm = 0xFFFF800000000000;
            using var h = PageAllocatorHarness.Create(kind, Flat(8 * MiB), DirectMap.Kernel);
            var a = h.Allocator;
            byte* p = a.AllocateHhdm(2);
            Assert.Equal(hhdm + 0x1000, (ulong)p);
            Assert.Equal(PageState.Used, a.QueryPage(0x2000));
            a.FreeHhdm(null, 2);                                   // below the HHDM base: ignored
            a.FreeHhdm((byte*)0x1000, 2);
            a.FreeHhdm((byte*)(0xFFFFFFFF80000000 + 0x1000), 2);   // the kernel image's window, past the direct map: ignored
            Assert.Equal(PageState.Used, a.QueryPage(0x1000));
            a.FreeHhdm(p, 2);
            Assert.Equal(a.UsablePages, a.FreePages);
            Assert.True(a.AllocateHhdm(0) == null);
            Assert.True(a.AllocateHhdm(ulong.MaxValue) == null);
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void HhdmVariantsWorkThroughAFakeDirectMapOverNativeMemory(PageAllocatorKind kind)
        {
            const ulong ramBytes = 1 * MiB;
            byte* ram = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed((nuint)ramBytes);
            try
            {
                // The allocator manages 2 MiB, the direct map shows only the first: a pointer past
                // the window must not free the page its offset would name.
                using var h = PageAllocatorHarness.Create(kind, Flat(2 * ramBytes), new DirectMap(VirtualAddress.Of(ram), ramBytes));
                var a = h.Allocator;
                byte* p = a.AllocateHhdm(3);
                Assert.True(p == ram + 0x1000);
                for (int i = 0; i < 3 * 4096; i++)
                    p[i] = 0xAB;                                   // the run is real memory here
                Assert.True(a.Claim(ramBytes, 1, PageOwner.Kernel));
                a.FreeHhdm(ram - 0x1000, 1);                       // before the window: ignored
                a.FreeHhdm(ram + ramBytes, 1);                     // one past it: ignored
                Assert.Equal(PageState.Used, a.QueryPage(ramBytes));
                Assert.Equal(a.UsablePages - 4, a.FreePages);
                a.FreeHhdm(p + 0x1000, 1);                         // the run's middle page, by pointer (pmfree_hhdm frees what it is given)
                Assert.Equal(PageState.Free, a.QueryPage(0x2000));
                a.FreeHhdm(p, 3);
                Assert.Equal(a.UsablePages - 1, a.FreePages);
            }
            finally
            {
                System.Runtime.InteropServices.NativeMemory.Free(ram);
            }
        }

        [Theory]
        [InlineData(PageAllocatorKind.Bitmap)]
        [InlineData(PageAllocatorKind.ByteMap)]
        public void ZeroAndHugeRequestsReturnZero(PageAllocatorKind kind)
        {
            using var h = PageAllocatorHarness.Create(kind, Flat(8 * MiB));
            var a = h.Allocator;
            Assert.Equal(0UL, a.Allocate(0));
            Assert.Equal(0UL, a.Allocate(a.UsablePages + 1));
            Assert.Equal(0UL, a.Allocate(ulong.MaxValue));
            Assert.Equal(a.UsablePages, a.FreePages);

            Assert.Equal(PageAllocateResult.ZeroPages, a.TryAllocate(0, PageOwner.Kernel, out ulong address));
            Assert.Equal(0UL, address);
            Assert.Equal(PageAllocateResult.TooLarge, a.TryAllocate(a.UsablePages + 1, PageOwner.Kernel, out address));
            Assert.Equal(PageAllocateResult.Ok, a.TryAllocate(a.UsablePages, PageOwner.Kernel, out address));
            Assert.Equal(0x1000UL, address);
            a.Free(0x2000, 1);
            a.Free(0x4000, 1);
            Assert.Equal(PageAllocateResult.OutOfMemory, a.TryAllocate(2, PageOwner.Kernel, out address));
            Assert.Equal(0UL, address);
            Assert.Equal(2UL, a.FreePages);
        }
    }
}
