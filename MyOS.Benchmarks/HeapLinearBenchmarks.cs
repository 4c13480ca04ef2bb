using System;
using BenchmarkDotNet.Attributes;
using MyOS.Core.Memory.Heap;

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

        private HeapWorkload _work;
        private HostPageSource _pages;
        private LinearFirstFitHeap _linear;

        /// <summary>Fills a linear first-fit heap with the live set.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _work = new HeapWorkload(Live, Sizes);
            _pages = new HostPageSource();
            _linear = new LinearFirstFitHeap(_pages);
            _work.Fill(p => (IntPtr)_linear.Allocate((ulong)p, 8, false), p => _linear.Free((byte*)p));
        }

        /// <summary>Gives all memory back to the host.</summary>
        [GlobalCleanup]
        public void Cleanup() => _pages.Dispose();

        /// <summary>Baseline: first fit by walking the address-ordered free list.</summary>
        [Benchmark(OperationsPerInvoke = HeapBenchmarks.Operations)]
        public void LinearFirstFit()
        {
            IntPtr[] slots = _work.Slots;
            for (int i = 0; i < HeapBenchmarks.Operations; i++)
            {
                int slot = _work.Next(out ulong size);
                _linear.Free((byte*)slots[slot]);
                slots[slot] = (IntPtr)_linear.Allocate(size, 8, false);
            }
        }
    }
}
