using MyOS.Core;
using MyOS.Core.Memory.Heap;

namespace MyOS.Diagnostics.Tests
{
    /// <summary>
    /// Allocates and frees in rounds whose total is many times the heap's size; the heap must
    /// reuse freed blocks, so it may not grow past what the peak live data (plus one growth
    /// step) needs.
    /// </summary>
    public sealed unsafe class HeapReuseTest : KernelTest
    {
        private const int Rounds = 400;
        private const int BlocksPerRound = 64;

        public override string Name => "heap.reuse-bounded-growth";

        protected override void Execute()
        {
            HeapAllocator heap = KernelMemory.Heap;
            ulong[] blocks = new ulong[BlocksPerRound];
            ulong heapBefore = heap.GetStats().HeapBytes;
            TestRandom random = new TestRandom(99);
            ulong total = 0, peakLive = 0;
            for (int round = 0; round < Rounds && !Failed; round++)
            {
                ulong live = 0;
                for (int i = 0; i < BlocksPerRound; i++)
                {
                    ulong size = 16 + random.Below(4096);
                    blocks[i] = (ulong)heap.Allocate(size);
                    Check(blocks[i] != 0, "an allocation failed");
                    live += size;
                    total += size;
                }
                if (live > peakLive)
                    peakLive = live;
                for (int i = 0; i < BlocksPerRound; i++)
                    heap.Free((byte*)blocks[i]);
            }
            ulong heapAfter = heap.GetStats().HeapBytes;
            Check(total > 20 * (heapAfter > heapBefore ? heapAfter : heapBefore), "the loop did not allocate many times the heap size");
            Check(heapAfter <= heapBefore + 2 * peakLive + 256 * 1024, "the heap grew past what its peak live data needed");
        }
    }
}
