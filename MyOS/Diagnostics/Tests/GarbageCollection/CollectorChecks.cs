using MyOS.Core;
using MyOS.Runtime.Collector;

namespace MyOS.Diagnostics.Tests.GarbageCollection
{
    /// <summary>What the collector tests share: a collection that must run, followed by a heap check.</summary>
    internal static class CollectorChecks
    {
        /// <summary>Runs one collection; false when it did not run or the heap check fails afterwards.</summary>
        public static bool CollectAndCheckHeap()
        {
            ulong before = GarbageCollector.Statistics.Collections;
            System.GC.Collect();
            return GarbageCollector.Statistics.Collections == before + 1 && KernelMemory.Heap.Check().IsOk;
        }
    }
}
