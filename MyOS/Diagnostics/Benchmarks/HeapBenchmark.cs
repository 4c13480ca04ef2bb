using MyOS.Core;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Memory.Heap;
using MyOS.Diagnostics.Tests;

namespace MyOS.Diagnostics.Benchmarks
{
    /// <summary>
    /// In-kernel benchmark of the block allocator against the linear first-fit list: a heap
    /// of its own (pages from the page allocator) filled with <c>live</c> blocks of random
    /// sizes 4..1000 bytes, churned into a steady state (as many untimed pairs as live blocks,
    /// so the free list holds its usual holes and not just the tail), then timed alloc+free
    /// pairs that replace a random live block. Cycles per pair from RDTSC. Everything is given
    /// back afterwards.
    /// </summary>
    public static unsafe class HeapBenchmark
    {
        /// <summary>Average cycles per alloc+free pair at <paramref name="live"/> live blocks; 0 if memory ran out.</summary>
        public static ulong Measure(bool baseline, int live, int rounds)
        {
            HeapAllocator heap = HeapAllocator.Create(baseline ? HeapKind.LinearFirstFit : HeapKind.Block,
                new DirectMapPageSource(KernelMemory.Pages));
            ulong[] blocks = new ulong[live];
            TestRandom random = new TestRandom(77);
            for (int i = 0; i < live; i++)
            {
                blocks[i] = (ulong)heap.Allocate(4 + random.Below(997));
                if (blocks[i] == 0)
                    return Release(heap, blocks, i, 0);
            }
            if (!Churn(heap, blocks, random, live))
                return Release(heap, blocks, live, 0);
            ulong start = Cpu.ReadTimestamp();
            if (!Churn(heap, blocks, random, rounds))
                return Release(heap, blocks, live, 0);
            ulong cycles = (Cpu.ReadTimestamp() - start) / (ulong)rounds;
            return Release(heap, blocks, live, cycles);
        }

        // Frees a random live block and allocates a new random size in its slot, pairs times; false when memory ran out.
        private static bool Churn(HeapAllocator heap, ulong[] blocks, TestRandom random, int pairs)
        {
            for (int i = 0; i < pairs; i++)
            {
                int victim = (int)random.Below((ulong)blocks.Length);
                heap.Free((byte*)blocks[victim]);
                blocks[victim] = (ulong)heap.Allocate(4 + random.Below(997));
                if (blocks[victim] == 0)
                    return false;
            }
            return true;
        }

        private static ulong Release(HeapAllocator heap, ulong[] blocks, int count, ulong result)
        {
            for (int i = 0; i < count; i++)
            {
                if (blocks[i] != 0)
                    heap.Free((byte*)blocks[i]);
            }

            heap.ReleaseAll();   // the last region too: this heap is dropped now
            return result;
        }
    }
}
