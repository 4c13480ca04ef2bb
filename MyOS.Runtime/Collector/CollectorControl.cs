using System.Runtime;
using MyOS.Core;

namespace MyOS.Runtime.Collector
{
    /// <summary>
    /// The GC class's calls into the runtime (GC.Collect, GC.GetTotalMemory, no-GC regions,
    /// finalization, frozen segments), answered as MyOS stands until the collector lands:
    /// there is no collection, so a collection is a no-op, the count stays 0, the only
    /// generation is 0, and objects are never finalized.
    /// </summary>
    internal static unsafe class CollectorControl
    {
        [RuntimeExport("RhpCollect")]
        private static void Collect(int generation, int mode, int lowMemory)
        {
        }

        /// <summary>Bytes of the kernel heap in use: live and (until the collector) dead objects alike.</summary>
        [RuntimeExport("RhpGetGcTotalMemory")]
        private static long TotalMemory() => KernelMemory.Heap == null ? 0 : (long)KernelMemory.Heap.GetStats().UsedBytes;

        [RuntimeExport("RhGetGcCollectionCount")]
        private static int CollectionCount(int generation, bool includeSpecial) => 0;

        [RuntimeExport("RhGetGeneration")]
        private static int Generation(object target) => 0;

        /// <summary>
        /// Bytes of the GC descriptor ILC placed in front of a MethodTable (read backwards from
        /// it): a series count, then either that many {size, offset} pairs, or for arrays of
        /// structs a start offset and -count {pointers, skip} pairs. 0 for a type without references.
        /// </summary>
        [RuntimeExport("RhGetGCDescSize")]
        private static int GCDescSize(uint* type)
        {
            const uint HasPointersFlag = 0x01000000;
            if ((*type & HasPointersFlag) == 0)
                return 0;
            long series = ((long*)type)[-1];
            return series >= 0
                ? sizeof(long) + (int)series * 2 * sizeof(long)
                : 2 * sizeof(long) + (int)-series * sizeof(long);
        }

        [RuntimeExport("RhGetMaxGcGeneration")]
        private static int MaxGeneration() => 0;

        /// <summary>GC.GetGCMemoryInfo: left as zeros (no collection has happened).</summary>
        [RuntimeExport("RhGetMemoryInfo")]
        private static void MemoryInfo(byte* info, int kind)
        {
        }

        [RuntimeExport("RhSuppressFinalize")]
        private static void SuppressFinalize(object target)
        {
        }

        [RuntimeExport("RhReRegisterForFinalize")]
        private static bool ReRegisterForFinalize(object target) => true;

        [RuntimeExport("RhpGetNextFinalizableObject")]
        private static object NextFinalizable() => null;

        /// <summary>The finalizer thread's wait; MyOS starts no finalizer thread.</summary>
        [RuntimeExport("RhpWaitForFinalizerRequest")]
        private static uint WaitForFinalizerRequest() => 0;

        [RuntimeExport("RhpSignalFinalizationComplete")]
        private static void FinalizationComplete(uint count, int observedFullGcCount)
        {
        }

        /// <summary>GC.TryStartNoGCRegion: always granted (0, Succeeded), since no collection ever interrupts.</summary>
        [RuntimeExport("RhpStartNoGCRegion")]
        private static int StartNoGCRegion(long totalSize, int hasLohSize, long lohSize, int disallowFullBlockingGC) => 0;

        [RuntimeExport("RhpEndNoGCRegion")]
        private static int EndNoGCRegion() => 0;

        [RuntimeExport("RhpSetThreadDoNotTriggerGC")]
        private static void DoNotTriggerGC()
        {
        }

        /// <summary>A segment of objects that are never collected (CoreLib's frozen heap); its handle is its start.</summary>
        [RuntimeExport("RhRegisterFrozenSegment")]
        private static void* RegisterFrozenSegment(void* start, nuint allocated, nuint committed, nuint reserved) => start;

        [RuntimeExport("RhUpdateFrozenSegment")]
        private static void UpdateFrozenSegment(void* segment, void* allocated, void* committed)
        {
        }
    }
}
