namespace MyOS.Runtime.Collector
{
    /// <summary>What the collector has done: the last collection's before and after, and totals.</summary>
    public struct CollectionStatistics
    {
        /// <summary>Collections so far.</summary>
        public ulong Collections;
        /// <summary>Managed objects and their bytes (heap blocks, headers included) just before the last sweep.</summary>
        public ulong ObjectsBefore;
        public ulong BytesBefore;
        /// <summary>Managed objects and bytes that survived the last collection.</summary>
        public ulong ObjectsAfter;
        public ulong BytesAfter;
        /// <summary>Objects and bytes freed by all collections together.</summary>
        public ulong TotalFreedObjects;
        public ulong TotalFreedBytes;
        /// <summary>Microseconds the last collection and the longest one took.</summary>
        public ulong LastPauseMicroseconds;
        public ulong LongestPauseMicroseconds;
        /// <summary>All microseconds spent collecting.</summary>
        public ulong TotalPauseMicroseconds;
        /// <summary>Bytes of objects allocated since the last collection.</summary>
        public ulong AllocatedSinceLast;
        /// <summary>Objects whose finalizers wait to run, and finalizers run so far.</summary>
        public ulong PendingFinalizers;
        public ulong FinalizersRun;
    }
}
