namespace MyOS.Core.Memory
{
    /// <summary>
    /// Decides which kind wins where raw map entries overlap: the more restrictive one, so an
    /// overlap can never make memory usable that any entry said was not.
    /// Order: Kernel > Framebuffer > BadMemory > AcpiNvs > EfiRuntime > Reserved > AcpiReclaimable > Usable.
    /// </summary>
    public static class RegionPriority
    {
        /// <summary>Rank of a kind; the higher rank wins an overlap. Unknown kinds rank as Reserved.</summary>
        public static int Rank(RegionKind kind)
        {
            switch (kind)
            {
                case RegionKind.Usable: return 1;
                case RegionKind.AcpiReclaimable: return 2;
                case RegionKind.EfiRuntime: return 4;      // a name for reserved memory: the firmware still runs there
                case RegionKind.AcpiNvs: return 5;         // must survive sleep: more than plain Reserved
                case RegionKind.BadMemory: return 6;       // touching it corrupts data: never lose this fact
                case RegionKind.Framebuffer: return 7;     // the screen: never handed out, whatever the map said
                case RegionKind.Kernel: return 8;          // we put something there ourselves
                default: return 3;                         // Reserved and anything unknown
            }
        }

        /// <summary>The kind itself if MyOS knows it, otherwise Reserved.</summary>
        public static RegionKind Normalize(RegionKind kind)
        {
            switch (kind)
            {
                case RegionKind.Usable:
                case RegionKind.Reserved:
                case RegionKind.AcpiReclaimable:
                case RegionKind.AcpiNvs:
                case RegionKind.BadMemory:
                case RegionKind.EfiRuntime:
                case RegionKind.Kernel:
                case RegionKind.Framebuffer:
                    return kind;
                default:
                    return RegionKind.Reserved;
            }
        }
    }
}
