using System;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Map;
using MyOS.Core.Memory.Physical;

namespace MyOS.Benchmarks
{
    /// <summary>
    /// PageAllocator (bitmap + per-group summary) against ByteMapPageAllocator (one byte per
    /// page, linear first fit, as Cosmos's RAT) on the same map in the same run. The map is
    /// one usable region of MapGiB, set up the same way for both:
    ///   Random50: every page except the top 4 MiB is used or free by a fair coin (seed 42);
    ///             the top 4 MiB is free so that every request size succeeds.
    ///   Low75Used: the lowest 75% of pages are used, the rest free (a long-running kernel
    ///             whose low memory has filled up).
    /// Each call allocates Pages pages and frees them again, so the state is the same
    /// before every call. Two ways to time ours:
    ///   Bitmap:           the same request again and again; from the second call on, the run
    ///                     hint of its length class (RunHints) starts the search at or just
    ///                     below the run found last time. This is a repeated allocation.
    ///   BitmapColdSearch: the run hints are forgotten before every call, so each search for
    ///                     2 or more pages starts from the bottom of memory, as the first search
    ///                     on a fresh map does: the summary's whole-map search (Random50: 64 and
    ///                     512 pages find a fit only in the top 4 MiB). The single-page path has
    ///                     no run hints, so for 1 page it is the same as Bitmap.
    /// The byte map has no hints: every call scans from the bottom.
    /// Run: dotnet run -c Release --project MyOS.Benchmarks -- --filter '*PageAllocatorBenchmarks*'
    /// </summary>
    [Config(typeof(ReportConfig))]
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

        /// <summary>How the map is filled before measuring (see the class summary).</summary>
        [Params("Random50", "Low75Used")]
        public string Layout;

        private byte* _bitmapMetadata;
        private byte* _byteMapMetadata;
        private PhysicalPageAllocator _bitmap;
        private PhysicalPageAllocator _byteMap;

        /// <summary>Builds both allocators over the same map and fragments them identically.</summary>
        [GlobalSetup]
        public void Setup()
        {
            var regions = new[] { new MemoryRange(0, (ulong)MapGiB * GiB, MemoryKind.Usable) };
            ulong limit = PhysicalPageAllocator.UsableLimit(regions, 1);
            ulong bitmapBytes = PageAllocator.MetadataBytesFor(limit);
            ulong byteMapBytes = ByteMapPageAllocator.MetadataBytesFor(limit);
            _bitmapMetadata = (byte*)NativeMemory.Alloc((nuint)bitmapBytes);
            _byteMapMetadata = (byte*)NativeMemory.Alloc((nuint)byteMapBytes);
            _bitmap = new PageAllocator(regions, 1, _bitmapMetadata, bitmapBytes, DirectMap.Identity);
            _byteMap = new ByteMapPageAllocator(regions, 1, _byteMapMetadata, byteMapBytes, DirectMap.Identity);
            Fill(_bitmap, Layout);
            Fill(_byteMap, Layout);
            if (_bitmap.FreePages != _byteMap.FreePages || _bitmap.LargestFreeRun() != _byteMap.LargestFreeRun())
            {
                throw new InvalidOperationException("the two allocators were not set up alike");
            }
        }

        /// <summary>Random50: takes every page, then frees a random half and the top 4 MiB. Low75Used: takes the lowest 75%.</summary>
        private static void Fill(PhysicalPageAllocator allocator, string layout)
        {
            if (layout == "Low75Used")
            {
                if (allocator.Allocate(allocator.UsablePages / 4 * 3) != 4096)
                {
                    throw new InvalidOperationException("expected one run from page 1");
                }
                return;
            }
            if (allocator.Allocate(allocator.UsablePages) != 4096)
            {
                throw new InvalidOperationException("expected one run from page 1");
            }
            ulong topFree = TopFreeBytes / 4096;
            ulong end = allocator.TotalPages - topFree;
            var rng = new Random(42);
            var bytes = new byte[8];
            ulong coins = 0; // one random bit per page, refilled every 64 pages
            for (ulong page = 1; page < end; page++)
            {
                if ((page - 1) % 64 == 0)
                {
                    rng.NextBytes(bytes); // all 64 bits random (NextInt64 never sets bit 63)
                    coins = BitConverter.ToUInt64(bytes);
                }
                if ((coins & 1) != 0)
                {
                    allocator.Free(page * 4096, 1);
                }
                coins >>= 1;
            }
            allocator.Free(end * 4096, topFree);
        }

        /// <summary>Releases the metadata buffers.</summary>
        [GlobalCleanup]
        public void Cleanup()
        {
            NativeMemory.Free(_bitmapMetadata);
            NativeMemory.Free(_byteMapMetadata);
        }

        /// <summary>Baseline: one byte per page, linear first-fit scan.</summary>
        [Benchmark(Baseline = true)]
        public ulong ByteMap()
        {
            return AllocateAndFree(_byteMap);
        }

        /// <summary>MyOS's allocator: bitmap with per-group summary; run hints kept between calls.</summary>
        [Benchmark]
        public ulong Bitmap()
        {
            return AllocateAndFree(_bitmap);
        }

        /// <summary>MyOS's allocator with its run hints forgotten before each call: the cold, whole-map search.</summary>
        [Benchmark]
        public ulong BitmapColdSearch()
        {
            ((PageAllocator)_bitmap).ResetRunHints();
            return AllocateAndFree(_bitmap);
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
