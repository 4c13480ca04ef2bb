using System;
using System.Runtime.InteropServices;
using MyOS.Core.Arch.X64.Paging;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Physical;
using MyOS.Tests.Memory;
using Xunit;
using static MyOS.Tests.Memory.PageAllocatorTestMaps;

namespace MyOS.Tests.Paging
{
    /// <summary>
    /// The kernel's page-table builder on the host: its table pages come from a page allocator
    /// over pretend RAM in native memory (filled with garbage first), and it writes them through
    /// a direct map whose base is that memory. The tables it builds are then walked as the CPU
    /// walks them (<see cref="PageTables.TryTranslate"/>, the walk the in-kernel test uses on the live tables).
    /// </summary>
    public unsafe class PageTableBuilderTests
    {
        private const ulong HhdmBase = 0xFFFF800000000000, KernelBase = 0xFFFFFFFF80000000;

        /// <summary>Pretend RAM [0, bytes): a page allocator over it and a direct map onto it.</summary>
        private sealed class PretendRam : IDisposable
        {
            private readonly byte* _memory;

            public PretendRam(ulong bytes)
            {
                _memory = (byte*)NativeMemory.Alloc((nuint)bytes);
                new Span<byte>(_memory, (int)bytes).Fill(0xCD);   // bit 0 set: a table page left unzeroed would show Present entries
                Pages = PageAllocatorHarness.Create(PageAllocatorKind.Bitmap, Flat(bytes));
                DirectMap = new DirectMap(VirtualAddress.Of(_memory), bytes);
            }

            public PageAllocatorHarness Pages { get; }

            public DirectMap DirectMap { get; }

            public void Dispose()
            {
                Pages.Dispose();
                NativeMemory.Free(_memory);
            }
        }

        private static PhysicalAddress Translate(PretendRam ram, PageTableBuilder tables, ulong virtualAddress)
        {
            Assert.True(PageTables.TryTranslate(ram.DirectMap, tables.Root, new VirtualAddress(virtualAddress), out PhysicalAddress physical),
                "0x" + virtualAddress.ToString("X") + " is not mapped");
            return physical;
        }

        private static bool IsMapped(PretendRam ram, PageTableBuilder tables, ulong virtualAddress) =>
            PageTables.TryTranslate(ram.DirectMap, tables.Root, new VirtualAddress(virtualAddress), out _);

        [Fact]
        public void DirectMapOfAlignedRangeUsesLargePagesAndTranslatesBack()
        {
            using var ram = new PretendRam(1 * MiB);
            var tables = new PageTableBuilder(ram.Pages.Allocator, ram.DirectMap);
            tables.Map(DirectMap.Kernel, new PhysicalAddress(0), 64 * MiB);
            Assert.True(tables.Succeeded);
            Assert.Equal(3UL, tables.TablePages);                        // PML4, PDPT, one directory of 32 large pages
            foreach (ulong physical in new[] { 0UL, 0x1234UL, 2 * MiB, 2 * MiB + 0x5678, 64 * MiB - 1 })
                Assert.Equal(physical, Translate(ram, tables, HhdmBase + physical).Value);
            Assert.False(IsMapped(ram, tables, HhdmBase + 64 * MiB));
            Assert.False(IsMapped(ram, tables, HhdmBase - 0x1000));
            Assert.False(IsMapped(ram, tables, 0));                       // the lower half stays empty

            var pagesByOwner = new ulong[PhysicalPageAllocator.OwnerCount];
            ram.Pages.Allocator.CountPagesByOwner(pagesByOwner, null);
            Assert.Equal(tables.TablePages, pagesByOwner[(int)PageOwner.PageTables]);
            Assert.Equal(PageOwner.PageTables, ram.Pages.Allocator.OwnerOf(tables.Root.Value));
        }

        [Fact]
        public void UnalignedRangeIsRoundedOutToFourKiBPages()
        {
            using var ram = new PretendRam(1 * MiB);
            var tables = new PageTableBuilder(ram.Pages.Allocator, ram.DirectMap);
            // A kernel image at physical 0x100800 .. 0x103800: pages 0x100000 .. 0x103FFF in the image's window.
            tables.Map(DirectMap.KernelImage, new PhysicalAddress(0x100800), 0x3000);
            Assert.True(tables.Succeeded);
            Assert.Equal(4UL, tables.TablePages);                        // PML4, PDPT, directory, one page table
            Assert.Equal(0x100000UL, Translate(ram, tables, KernelBase + 0x100000).Value);
            Assert.Equal(0x103FFFUL, Translate(ram, tables, KernelBase + 0x103FFF).Value);
            Assert.False(IsMapped(ram, tables, KernelBase + 0xFF000));
            Assert.False(IsMapped(ram, tables, KernelBase + 0x104000));
            Assert.False(IsMapped(ram, tables, HhdmBase + 0x100000));    // the direct map was not asked for
        }

        [Fact]
        public void VirtualAndPhysicalAlignmentDecideThePageSize()
        {
            using var ram = new PretendRam(1 * MiB);
            var tables = new PageTableBuilder(ram.Pages.Allocator, ram.DirectMap);
            // Virtual 2 MiB aligned, physical only 4 KiB aligned: no large page fits, 4 MiB takes two page tables.
            tables.Map(new VirtualAddress(HhdmBase), new PhysicalAddress(0x1000), 4 * MiB);
            Assert.True(tables.Succeeded);
            Assert.Equal(5UL, tables.TablePages);
            Assert.Equal(0x1000UL, Translate(ram, tables, HhdmBase).Value);
            Assert.Equal(4 * MiB + 0xFFF, Translate(ram, tables, HhdmBase + 4 * MiB - 1).Value);
        }

        [Fact]
        public void RunningOutOfTablePagesIsReportedNotFaulted()
        {
            using var ram = new PretendRam(3 * 4096);                       // usable pages 1 and 2 (page 0 never is)
            var tables = new PageTableBuilder(ram.Pages.Allocator, ram.DirectMap);
            tables.Map(DirectMap.Kernel, new PhysicalAddress(0), 4096);   // needs PML4, PDPT, directory and page table
            Assert.False(tables.Succeeded);
            Assert.Equal(2UL, tables.TablePages);
            Assert.False(IsMapped(ram, tables, HhdmBase));

            using var none = new PretendRam(4096);                         // no usable page at all
            var empty = new PageTableBuilder(none.Pages.Allocator, none.DirectMap);
            empty.Map(DirectMap.Kernel, new PhysicalAddress(0), 4096);
            Assert.False(empty.Succeeded);
            Assert.True(empty.Root.IsNull);
        }
    }
}
