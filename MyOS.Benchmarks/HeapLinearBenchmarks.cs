using System;
using BenchmarkDotNet.Attributes;
using MyOS.Core.Memory;

namespace MyOS.Benchmarks
{
    /// <summary>
    /// The linear first-fit baseline (LinearFirstFitHeap: the same placement as the tree, by
    /// walking the address-ordered free list) on HeapBenchmarks' workload, up to 100,000 live
    /// blocks. Times are per alloc+free pair.
    /// Run: dotnet run -c Release --project MyOS.Benchmarks -- --filter '*HeapLinearBenchmarks*'
    /// </summary>
    [Config(typeof(ReportConfig))]
    public unsafe class HeapLinearBenchmarks
    {
        /// <summary>Live blocks kept while measuring.</summary>
        [Params(100, 1_000, 10_000, 100_000)]
        public int Live;

        /// <summary>Size distribution.</summary>
        [Params(SizeMix.Uniform, SizeMix.PowerLaw)]
        public SizeMix Sizes;

        HeapWorkload work;
        HostPageSource pages;
        LinearFirstFitHeap linear;

        /// <summary>Fills a linear first-fit heap with the live set.</summary>
        [GlobalSetup]
        public void Setup()
        {
            work = new HeapWorkload(Live, Sizes);
            pages = new HostPageSource();
            linear = new LinearFirstFitHeap(pages);
            work.Fill(p => (IntPtr)linear.Allocate((ulong)p, 8, false), p => linear.Free((byte*)p));
        }

        /// <summary>Gives all memory back to the host.</summary>
        [GlobalCleanup]
        public void Cleanup() => pages.Dispose();

        /// <summary>Baseline: first fit by walking the address-ordered free list.</summary>
        [Benchmark(OperationsPerInvoke = HeapBenchmarks.Operations)]
        public void LinearFirstFit()
        {
            IntPtr[] slots = work.Slots;
            for (int i = 0; i < HeapBenchmarks.Operations; i++)
            {
                int slot = work.Next(out ulong size);
                linear.Free((byte*)slots[slot]);
                slots[slot] = (IntPtr)linear.Allocate(size, 8, false);
            }
        }
    }
}
