using System;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using MyOS.Core.Memory;

namespace MyOS.Benchmarks
{
    /// <summary>
    /// Heap alloc+free pairs at a steady number of live blocks: each operation frees a random
    /// live block and allocates a new random size in its slot. The block allocator (AVL tree),
    /// the linear first-fit baseline (same placement) and the host's malloc run side by side.
    /// Times are per alloc+free pair. Run: dotnet run -c Release --project MyOS.Benchmarks -- --filter '*HeapBenchmarks*'
    /// </summary>
    [Config(typeof(ReportConfig))]
    public unsafe class HeapBenchmarks
    {
        /// <summary>How request sizes are drawn.</summary>
        public enum SizeMix
        {
            /// <summary>Uniform in 4..1000 bytes.</summary>
            Uniform,
            /// <summary>4..1000 bytes with density proportional to 1/size: many small, a long tail.</summary>
            PowerLaw,
        }

        /// <summary>Alloc+free pairs per benchmark invocation (results are per pair).</summary>
        const int Operations = 2048;

        /// <summary>Length of the precomputed random streams (a power of two).</summary>
        const int StreamLength = 1 << 16;

        /// <summary>Live blocks kept while measuring.</summary>
        [Params(100, 1_000, 10_000, 100_000)]
        public int Live;

        /// <summary>Size distribution.</summary>
        [Params(SizeMix.Uniform, SizeMix.PowerLaw)]
        public SizeMix Sizes;

        ulong[] sizes;              // request size of operation i (mod StreamLength)
        int[] victims;              // slot freed and refilled by operation i
        IntPtr[] slots;             // the live blocks
        int cursor;                 // next position in the streams
        HostPageSource pages;       // memory for the two MyOS heaps
        BlockAllocator tree;        // set only while the BlockAllocatorTree case runs
        LinearFirstFitHeap linear;  // set only while the LinearFirstFit case runs

        /// <summary>Fills a block allocator with the live set.</summary>
        [GlobalSetup(Target = nameof(BlockAllocatorTree))]
        public void SetupTree()
        {
            Prepare();
            tree = new BlockAllocator(pages);
            Fill(p => (IntPtr)tree.Allocate((ulong)p, 8, false), p => tree.Free((byte*)p));
        }

        /// <summary>Fills a linear first-fit heap with the live set.</summary>
        [GlobalSetup(Target = nameof(LinearFirstFit))]
        public void SetupLinear()
        {
            Prepare();
            linear = new LinearFirstFitHeap(pages);
            Fill(p => (IntPtr)linear.Allocate((ulong)p, 8, false), p => linear.Free((byte*)p));
        }

        /// <summary>Fills the host heap with the live set.</summary>
        [GlobalSetup(Target = nameof(HostMalloc))]
        public void SetupMalloc()
        {
            Prepare();
            Fill(p => (IntPtr)NativeMemory.Alloc((nuint)p), p => NativeMemory.Free((void*)p));
        }

        /// <summary>Gives all memory back to the host.</summary>
        [GlobalCleanup]
        public void Cleanup()
        {
            if (tree == null && linear == null)
                foreach (IntPtr p in slots)
                    NativeMemory.Free((void*)p);
            pages.Dispose();   // the heaps' regions go back to the host wholesale
            tree = null;
            linear = null;
        }

        /// <summary>MyOS block allocator: first fit through the free tree.</summary>
        [Benchmark(OperationsPerInvoke = Operations)]
        public void BlockAllocatorTree()
        {
            for (int i = 0; i < Operations; i++)
            {
                int k = cursor++ & (StreamLength - 1);
                int slot = victims[k];
                tree.Free((byte*)slots[slot]);
                slots[slot] = (IntPtr)tree.Allocate(sizes[k], 8, false);
            }
        }

        /// <summary>Baseline: first fit by walking the address-ordered free list.</summary>
        [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
        public void LinearFirstFit()
        {
            for (int i = 0; i < Operations; i++)
            {
                int k = cursor++ & (StreamLength - 1);
                int slot = victims[k];
                linear.Free((byte*)slots[slot]);
                slots[slot] = (IntPtr)linear.Allocate(sizes[k], 8, false);
            }
        }

        /// <summary>The host's malloc and free (glibc on Linux), for scale.</summary>
        [Benchmark(OperationsPerInvoke = Operations)]
        public void HostMalloc()
        {
            for (int i = 0; i < Operations; i++)
            {
                int k = cursor++ & (StreamLength - 1);
                int slot = victims[k];
                NativeMemory.Free((void*)slots[slot]);
                slots[slot] = (IntPtr)NativeMemory.Alloc((nuint)sizes[k]);
            }
        }

        /// <summary>Draws the random streams (same seed for every allocator).</summary>
        void Prepare()
        {
            var rng = new Random(12345);
            sizes = new ulong[StreamLength];
            victims = new int[StreamLength];
            for (int i = 0; i < StreamLength; i++)
            {
                sizes[i] = Sizes == SizeMix.Uniform
                    ? (ulong)rng.Next(4, 1001)
                    : (ulong)(4 * Math.Pow(250, rng.NextDouble()));
                victims[i] = rng.Next(Live);
            }
            slots = new IntPtr[Live];
            cursor = 0;
            pages = new HostPageSource();
        }

        /// <summary>Allocates the live set, then churns it once so the heap is in a steady state.</summary>
        void Fill(Func<ulong, IntPtr> allocate, Action<IntPtr> free)
        {
            for (int i = 0; i < Live; i++)
                slots[i] = allocate(sizes[i & (StreamLength - 1)]);
            int churn = Math.Min(Live, 20_000);
            for (int i = 0; i < churn; i++)
            {
                int k = cursor++ & (StreamLength - 1);
                free(slots[victims[k]]);
                slots[victims[k]] = allocate(sizes[k]);
            }
        }

        /// <summary>Pages straight from the host, remembered so cleanup can free what the heap kept.</summary>
        sealed class HostPageSource : PageSource, IDisposable
        {
            /// <summary>Runs handed out and not yet returned.</summary>
            readonly System.Collections.Generic.HashSet<IntPtr> runs = new System.Collections.Generic.HashSet<IntPtr>();

            public override byte* AllocatePages(ulong pages)
            {
                byte* run = (byte*)NativeMemory.AlignedAlloc((nuint)(pages * PageSize), (nuint)PageSize);
                if (run != null)
                    runs.Add((IntPtr)run);
                return run;
            }

            public override void FreePages(byte* pointer, ulong pages)
            {
                runs.Remove((IntPtr)pointer);
                NativeMemory.AlignedFree(pointer);
            }

            public void Dispose()
            {
                foreach (IntPtr run in runs)
                    NativeMemory.AlignedFree((void*)run);
                runs.Clear();
            }
        }
    }
}
