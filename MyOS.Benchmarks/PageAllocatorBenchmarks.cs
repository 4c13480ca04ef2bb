using System;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using MyOS.Core.Memory;

namespace MyOS.Benchmarks
{
    /// <summary>
    /// PageAllocator (bitmap + per-group summary) against ByteMapPageAllocator (one byte per
    /// page, linear first fit, as Cosmos's RAT) on the same fragmented map in the same run.
    /// The map is one usable region of MapGiB; after setup every page except the top 4 MiB
    /// is used or free by a fair coin (seed 42, the same pattern for both), and the top
    /// 4 MiB is free so that every request size succeeds. Each call allocates Pages pages
    /// and frees them again, so the state is the same before every call.
    /// Run: dotnet run -c Release --project MyOS.Benchmarks -- --filter '*PageAllocator*'
    /// </summary>
    [SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
    [IterationTime(120)]
    public unsafe class PageAllocatorBenchmarks
    {
        private const ulong GiB = 1UL << 30;
        private const ulong TopFreeBytes = 4UL << 20;

        /// <summary>Size of the physical memory map.</summary>
        [Params(1, 4, 64)]
        public int MapGiB;

        /// <summary>Pages per allocation: 1 is the single-page path, the rest contiguous runs.</summary>
        [Params(1, 8, 64, 512)]
        public int Pages;

        private byte* bitmapMetadata;
        private byte* byteMapMetadata;
        private PhysicalPageAllocator bitmap;
        private PhysicalPageAllocator byteMap;

        [GlobalSetup]
        public void Setup()
        {
            var regions = new[] { new PhysicalRegion(0, (ulong)MapGiB * GiB, RegionKind.Usable) };
            ulong limit = PhysicalPageAllocator.UsableLimit(regions, 1);
            ulong bitmapBytes = PageAllocator.MetadataBytesFor(limit);
            ulong byteMapBytes = ByteMapPageAllocator.MetadataBytesFor(limit);
            bitmapMetadata = (byte*)NativeMemory.Alloc((nuint)bitmapBytes);
            byteMapMetadata = (byte*)NativeMemory.Alloc((nuint)byteMapBytes);
            bitmap = new PageAllocator(regions, 1, bitmapMetadata, bitmapBytes, 0);
            byteMap = new ByteMapPageAllocator(regions, 1, byteMapMetadata, byteMapBytes, 0);
            Fragment(bitmap);
            Fragment(byteMap);
            if (bitmap.FreePages != byteMap.FreePages || bitmap.LargestFreeRun() != byteMap.LargestFreeRun())
            {
                throw new InvalidOperationException("the two allocators were not set up alike");
            }
        }

        /// <summary>Takes every page, then frees a random half of them and the whole top 4 MiB.</summary>
        private static void Fragment(PhysicalPageAllocator allocator)
        {
            ulong pages = allocator.UsablePages;
            if (allocator.Allocate(pages) != 4096)
            {
                throw new InvalidOperationException("expected one run from page 1");
            }
            ulong topFree = TopFreeBytes / 4096;
            ulong end = allocator.TotalPages - topFree;
            var rng = new Random(42);
            ulong bits = 0;
            for (ulong page = 1; page < end; page++)
            {
                if ((page & 63) == 1 || page == 1)
                {
                    bits = (ulong)rng.NextInt64();
                }
                if ((bits & 1) != 0)
                {
                    allocator.Free(page * 4096, 1);
                }
                bits >>= 1;
            }
            allocator.Free(end * 4096, topFree);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            NativeMemory.Free(bitmapMetadata);
            NativeMemory.Free(byteMapMetadata);
        }

        /// <summary>Baseline: one byte per page, linear first-fit scan.</summary>
        [Benchmark(Baseline = true)]
        public ulong ByteMap()
        {
            return AllocateAndFree(byteMap);
        }

        /// <summary>MyOS's allocator: bitmap with per-group summary.</summary>
        [Benchmark]
        public ulong Bitmap()
        {
            return AllocateAndFree(bitmap);
        }

        private ulong AllocateAndFree(PhysicalPageAllocator allocator)
        {
            ulong address = allocator.Allocate((ulong)Pages);
            if (address != 0)
            {
                allocator.Free(address, (ulong)Pages);
            }
            return address;
        }
    }
}
