namespace MyOS.Core.Memory.Heap
{
    /// <summary>The outcome of a heap check: the first problem found and where.</summary>
    public struct HeapCheckResult
    {
        /// <summary>What was wrong; Ok when nothing was.</summary>
        public HeapCheckStatus Status;

        /// <summary>Address of the header, node or region at fault; 0 for Ok or for whole-heap totals.</summary>
        public ulong Address;

        /// <summary>Makes a result.</summary>
        public HeapCheckResult(HeapCheckStatus status, ulong address)
        {
            Status = status;
            Address = address;
        }

        /// <summary>True when the check found nothing wrong.</summary>
        public bool IsOk => Status == HeapCheckStatus.Ok;
    }
}
