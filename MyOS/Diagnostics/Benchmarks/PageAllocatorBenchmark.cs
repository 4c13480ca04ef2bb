using MyOS.Core;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Map;
using MyOS.Core.Memory.Physical;
using MyOS.Diagnostics.Tests;

namespace MyOS.Diagnostics.Benchmarks
{
    /// <summary>
    /// In-kernel benchmark of the page allocator against the byte-per-page baseline, both
    /// over the same synthetic 64 MiB map (small: the baseline is slow under software emulation) (the allocators only touch their metadata, which comes
    /// from the kernel heap, so no real pages are needed). Cycles per alloc+free pair from RDTSC.
    /// </summary>
    public static unsafe class PageAllocatorBenchmark
    {
        private const ulong MapBytes = 64UL << 20;

        /// <summary>Average cycles per alloc+free pair of <paramref name="pages"/> pages on a map with half its pages taken at random (single pages use an empty map).</summary>
        public static ulong Measure(bool baseline, ulong pages, int rounds)
        {
            MemoryRange[] regions = new MemoryRange[1];
            regions[0] = new MemoryRange(0x100000, MapBytes - 0x100000, MemoryKind.Usable);
            ulong metadataBytes = baseline ? MapBytes / PageMath.PageSize + 64 : PageAllocator.MetadataBytesFor(MapBytes);
            byte* metadata = KernelMemory.Heap.Allocate(metadataBytes, 64, false);
            if (metadata == null)
                return 0;
            PhysicalPageAllocator allocator = baseline
                ? new ByteMapPageAllocator(regions, 1, metadata, metadataBytes, DirectMap.Identity)
                : new PageAllocator(regions, 1, metadata, metadataBytes, DirectMap.Identity);
            if (pages > 1)
                FragmentHalf(allocator);
            ulong start = Cpu.ReadTimestamp();
            for (int i = 0; i < rounds; i++)
            {
                ulong address = allocator.Allocate(pages);
                allocator.Free(address, pages);
            }
            ulong cycles = (Cpu.ReadTimestamp() - start) / (ulong)rounds;
            KernelMemory.Heap.Free(metadata);
            return cycles;
        }

        /// <summary>Takes every page in one run, then gives back a random half of them one by one.</summary>
        private static void FragmentHalf(PhysicalPageAllocator allocator)
        {
            ulong total = allocator.FreePages;
            allocator.Allocate(total);
            TestRandom random = new TestRandom(1234);
            for (ulong page = 0; page < total; page++)
            {
                if ((random.Next() & 1) == 0)
                    allocator.Free(0x100000 + page * PageMath.PageSize, 1);
            }
        }
    }
}
