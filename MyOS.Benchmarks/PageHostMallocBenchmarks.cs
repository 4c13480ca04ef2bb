using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace MyOS.Benchmarks
{
    /// <summary>
    /// The host's allocator asked for what PageAllocatorBenchmarks asks the page allocators
    /// for: Pages * 4 KiB, 4 KiB aligned (NativeMemory.AlignedAlloc, glibc's aligned_alloc on
    /// Linux), freed at once. It does not depend on a memory map, so it runs once per size and
    /// stands beside every map size in the report. For large requests glibc decides by its own
    /// (dynamic) thresholds whether they come from its heap or from mmap.
    /// Run: dotnet run -c Release --project MyOS.Benchmarks -- --filter '*PageHostMallocBenchmarks*'
    /// </summary>
    [Config(typeof(ReportConfig))]
    public unsafe class PageHostMallocBenchmarks
    {
        /// <summary>Pages per allocation, as in PageAllocatorBenchmarks.</summary>
        [Params(1, 8, 64, 512)]
        public int Pages;

        /// <summary>aligned_alloc(4096, Pages * 4096) and free.</summary>
        [Benchmark]
        public nuint HostMalloc()
        {
            void* p = NativeMemory.AlignedAlloc((nuint)Pages * 4096, 4096);
            NativeMemory.AlignedFree(p);
            return (nuint)p;
        }
    }
}
