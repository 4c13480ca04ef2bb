using System.Runtime.CompilerServices;
using MyOS.Runtime.Collector;

namespace MyOS.Diagnostics.Tests.GarbageCollection
{
    /// <summary>
    /// Unreachable objects are given back: cycles and trees built and dropped leave the
    /// live bytes where they were (shown by the collector's totals, never by one object), the
    /// heap check passes, and freed blocks are reused rather than the heap growing.
    /// </summary>
    public sealed class ReclaimTest : KernelTest
    {
        public override string Name => "gc.reclaims-garbage";

        private sealed class Cell
        {
            public Cell Next;
            public Cell Other;
            public byte[] Payload;
        }

        /// <summary>
        /// Builds <paramref name="count"/> small cycles, each with a little tree hanging off it,
        /// all dropped on return. They are independent of each other because the stack is
        /// scanned conservatively: a stale word left by a dead frame may keep one of them, and
        /// one long ring would then keep them all.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int BuildGarbage(int count)
        {
            for (int i = 0; i < count; i++)
            {
                var a = new Cell { Payload = new byte[32] };
                var b = new Cell { Next = a, Payload = new byte[16] };
                a.Next = b;
                a.Other = new Cell { Other = b };
            }
            return count;
        }

        protected override void Execute()
        {
            Check(CollectorChecks.CollectAndCheckHeap(), "the first collection");
            ulong liveBefore = GarbageCollector.Statistics.BytesAfter;
            ulong heapBefore = Core.KernelMemory.Heap.GetStats().HeapBytes;
            for (int round = 0; round < 10 && !Failed; round++)
            {
                // 500 groups of five objects: about 144 KB.
                ulong freedBefore = GarbageCollector.Statistics.TotalFreedBytes;
                Check(BuildGarbage(500) == 500, "building garbage");
                Check(CollectorChecks.CollectAndCheckHeap(), "a collection did not run, or the heap check failed after it");
                CollectionStatistics statistics = GarbageCollector.Statistics;
                // Counted over all collections since the round began (gcstress runs many); a
                // conservative stack word may keep a group or two.
                ulong freed = statistics.TotalFreedBytes - freedBefore;
                Check(freed >= 100_000, "a round's garbage was not freed: " + freed + " bytes freed");
                Check(statistics.BytesAfter <= liveBefore + 16_384, "the live bytes grew by more than 16 KiB over ten rounds of garbage");
            }
            ulong heapAfter = Core.KernelMemory.Heap.GetStats().HeapBytes;
            Check(heapAfter <= heapBefore + 512 * 1024, "the heap kept growing although everything was garbage");
        }
    }
}
