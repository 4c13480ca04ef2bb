using System.Runtime.InteropServices;

namespace MyOS.Runtime.Collector
{
    /// <summary>
    /// The fields of CoreLib's GCMemoryInfoData in the order ILC 10 lays them out (checked
    /// against the getters in the kernel image); RhGetMemoryInfo fills them.
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
        public int PauseTimePercentage;
        public byte Compacted;
        public byte Concurrent;
        public long PauseDuration0;
    }
}
