using System;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using MyOS.Core.Memory.Heap;

namespace MyOS.Benchmarks
{
    /// <summary>
    /// Heap alloc+free pairs at a steady number of live blocks (HeapWorkload): MyOS's block
    /// allocator (chunked first-fit index) beside the host's malloc, up to a million live blocks.
    /// The kernel's own path (AllocateManaged, under ILC too) is timed by HeapKernelPathTiming. The linear
    /// first-fit baseline runs the same workload in HeapLinearBenchmarks, which stops at 100,000
    /// (a million would take minutes per case). Times are per alloc+free pair.
    /// Run: dotnet run -c Release --project MyOS.Benchmarks -- --filter '*HeapBenchmarks*'
    /// </summary>
    [Config(typeof(ReportConfig))]
    public unsafe class HeapBenchmarks
    {
        /// <summary>Alloc+free pairs per benchmark invocation (results are per pair).</summary>
        internal const int Operations = 2048;

        /// <summary>Live blocks kept while measuring.</summary>
        [Params(100, 1_000, 10_000, 100_000, 1_000_000)]
        public int Live;

        /// <summary>Size distribution.</summary>
        [Params(SizeMix.Uniform, SizeMix.PowerLaw)]
        public SizeMix Sizes;

        private HeapWorkload _work;
        private HostPageSource _pages;       // memory for the MyOS heap
        private BlockAllocator _tree;        // set only while the BlockAllocatorTree case runs

        /// <summary>Fills a block allocator with the live set.</summary>
        [GlobalSetup(Target = nameof(BlockAllocatorTree))]
        public void SetupTree()
        {
            _work = new HeapWorkload(Live, Sizes);
            _pages = new HostPageSource();
            _tree = new BlockAllocator(_pages);
            _work.Fill(p => (IntPtr)_tree.Allocate((ulong)p, 8, false), p => _tree.Free((byte*)p));
        }

        /// <summary>Fills the host heap with the live set.</summary>
        [GlobalSetup(Target = nameof(HostMalloc))]
        public void SetupMalloc()
        {
            _work = new HeapWorkload(Live, Sizes);
            _work.Fill(p => (IntPtr)NativeMemory.Alloc((nuint)p), p => NativeMemory.Free((void*)p));
        }

        /// <summary>Gives all memory back to the host.</summary>
        [GlobalCleanup]
        public void Cleanup()
        {
            if (_tree == null)
            {
                foreach (IntPtr p in _work.Slots)
                    NativeMemory.Free((void*)p);
            }

            _pages?.Dispose();   // the heap's regions go back to the host wholesale
            _pages = null;
            _tree = null;
        }

        /// <summary>MyOS block allocator: first fit through the chunked index (the case keeps its old name for the report).</summary>
        [Benchmark(OperationsPerInvoke = Operations)]
        public void BlockAllocatorTree()
        {
            IntPtr[] slots = _work.Slots;
            for (int i = 0; i < Operations; i++)
            {
                int slot = _work.Next(out ulong size);
                _tree.Free((byte*)slots[slot]);
                slots[slot] = (IntPtr)_tree.Allocate(size, 8, false);
            }
        }

        /// <summary>The host's malloc and free (glibc on Linux), for scale.</summary>
        [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
        public void HostMalloc()
        {
            IntPtr[] slots = _work.Slots;
            for (int i = 0; i < Operations; i++)
            {
                int slot = _work.Next(out ulong size);
                NativeMemory.Free((void*)slots[slot]);
                slots[slot] = (IntPtr)NativeMemory.Alloc((nuint)size);
            }
        }
    }
}
