using System.Runtime.InteropServices;

namespace MyOS.Runtime.Collector
{
    /// <summary>
    /// The fields of CoreLib's GCMemoryInfoData in the order ILC 10 lays them out (checked
    /// against GC.GetGCMemoryInfo's Index and HeapSizeBytes in `test gc.finalizers`); RhGetMemoryInfo fills them.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct GCMemoryInfoLayout
    {
        public long HighMemoryLoadThresholdBytes;
        public long TotalAvailableMemoryBytes;
        public long MemoryLoadBytes;
        public long HeapSizeBytes;
        public long FragmentedBytes;
        public long TotalCommittedBytes;
        public long PromotedBytes;
        public long PinnedObjectsCount;
        public long FinalizationPendingCount;
        public long Index;
        public int Generation;
        // Then PauseTimePercentage, Compacted, Concurrent, the per-generation sizes and the
        // pause durations, whose offsets were not checked: MyOS leaves them 0.
    }
}
