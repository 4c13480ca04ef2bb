using System.Runtime;
using MyOS.Core;
using MyOS.Core.Memory;

namespace MyOS.Runtime.Collector
{
    /// <summary>
    /// The GC class's calls into the runtime (GC.Collect, GC.GetTotalMemory, CollectionCount,
    /// GetGCMemoryInfo, no-GC regions, the finalizer calls), answered by
    /// <see cref="GarbageCollector"/>. MyOS's collector has one generation, 0.
    /// </summary>
    internal static unsafe class CollectorControl
    {
        /// <summary>GC.Collect: every generation and mode is a full blocking collection, followed by any finalizers it found.</summary>
        [RuntimeExport("RhpCollect")]
        private static void Collect(int generation, int mode, int lowMemory) => GarbageCollector.Collect();

        /// <summary>Bytes of managed objects: what survived the last collection plus what was allocated since.</summary>
        [RuntimeExport("RhpGetGcTotalMemory")]
        private static long TotalMemory()
        {
            CollectionStatistics statistics = GarbageCollector.Statistics;
            return (long)(statistics.BytesAfter + statistics.AllocatedSinceLast);
        }

        [RuntimeExport("RhGetGcCollectionCount")]
        private static int CollectionCount(int generation, bool includeSpecial) =>
            generation > 0 ? 0 : (int)GarbageCollector.Statistics.Collections;

        [RuntimeExport("RhGetGeneration")]
        private static int Generation(object target) => 0;

        /// <summary>
        /// Bytes of the GC descriptor ILC placed in front of a MethodTable (read backwards from
        /// it): a series count, then either that many {size, offset} pairs, or for arrays of
        /// structs a start offset and -count {pointers, skip} pairs. 0 for a type without references.
        /// </summary>
        [RuntimeExport("RhGetGCDescSize")]
        private static int GCDescSize(Allocation.MethodTable* type)
        {
            if (!type->HasPointers)
                return 0;
            long series = ((long*)type)[-1];
            return series >= 0
                ? sizeof(long) + (int)series * 2 * sizeof(long)
                : 2 * sizeof(long) + (int)-series * sizeof(long);
        }

        [RuntimeExport("RhGetMaxGcGeneration")]
        private static int MaxGeneration() => 0;

        /// <summary>GC.GetGCMemoryInfo: the last collection, in the fields CoreLib's GCMemoryInfoData reads.</summary>
        [RuntimeExport("RhGetMemoryInfo")]
        private static void MemoryInfo(GCMemoryInfoLayout* info, int kind)
        {
            CollectionStatistics statistics = GarbageCollector.Statistics;
            ulong ram = KernelMemory.Pages == null ? 0 : KernelMemory.Pages.UsablePages * PageMath.PageSize;
            ulong heapBytes = KernelMemory.Heap == null ? 0 : KernelMemory.Heap.GetStats().HeapBytes;
            info->HighMemoryLoadThresholdBytes = (long)(ram / 10 * 9);
            info->TotalAvailableMemoryBytes = (long)ram;
            info->MemoryLoadBytes = KernelMemory.Pages == null ? 0 : (long)(KernelMemory.Pages.UsedPages * PageMath.PageSize);
            info->HeapSizeBytes = (long)statistics.BytesAfter;
            info->FragmentedBytes = (long)(heapBytes > statistics.BytesAfter ? heapBytes - statistics.BytesAfter : 0);
            info->TotalCommittedBytes = (long)heapBytes;
            info->PromotedBytes = (long)statistics.BytesAfter;
            info->FinalizationPendingCount = (long)statistics.PendingFinalizers;
            info->Index = (long)statistics.Collections;
            info->Generation = 0;
        }

        /// <summary>GC.WaitForPendingFinalizers: there is no finalizer thread, so the finalizers run here and now.</summary>
        [RuntimeExport("RhWaitForPendingFinalizers")]
        private static void WaitForPendingFinalizers(int allowReentrantWait) => Finalization.RunPending();

        /// <summary>The finalizer thread's calls: MyOS starts no finalizer thread (finalizers run between shell commands).</summary>
        [RuntimeExport("RhpGetNextFinalizableObject")]
        private static object NextFinalizable() => null;

        [RuntimeExport("RhpWaitForFinalizerRequest")]
        private static uint WaitForFinalizerRequest() => 0;

        [RuntimeExport("RhpSignalFinalizationComplete")]
        private static void FinalizationComplete(uint count, int observedFullGcCount)
        {
        }

        [RuntimeExport("RhpStartNoGCRegion")]
        private static int StartNoGCRegion(long totalSize, int hasLohSize, long lohSize, int disallowFullBlockingGC) =>
            GarbageCollector.StartNoGCRegion(totalSize);

        [RuntimeExport("RhpEndNoGCRegion")]
        private static int EndNoGCRegion() => GarbageCollector.EndNoGCRegion();

        [RuntimeExport("RhpSetThreadDoNotTriggerGC")]
        private static void DoNotTriggerGC()
        {
        }
    }
}
