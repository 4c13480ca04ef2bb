namespace MyOS.Core.Memory.Map
{
    /// <summary>
    /// Decides which kind wins where raw map entries overlap: the more restrictive one, so an
    /// overlap can never make memory usable that any entry said was not.
    /// Order: Kernel > Framebuffer > BadMemory > AcpiNvs > EfiRuntime > Reserved > AcpiReclaimable > Usable.
    /// </summary>
    public static class MemoryKindPriority
    {
        /// <summary>Rank of a kind; the higher rank wins an overlap. Unknown kinds rank as Reserved.</summary>
        public static int Rank(MemoryKind kind)
        {
            switch (kind)
            {
                case MemoryKind.Usable: return 1;
                case MemoryKind.AcpiReclaimable: return 2;
                case MemoryKind.EfiRuntime: return 4;      // a name for reserved memory: the firmware still runs there
                case MemoryKind.AcpiNvs: return 5;         // must survive sleep: more than plain Reserved
                case MemoryKind.BadMemory: return 6;       // touching it corrupts data: never lose this fact
                case MemoryKind.Framebuffer: return 7;     // the screen: never handed out, whatever the map said
                case MemoryKind.Kernel: return 8;          // we put something there ourselves
                default: return 3;                         // Reserved and anything unknown
            }
        }

        /// <summary>The kind itself if MyOS knows it, otherwise Reserved.</summary>
        public static MemoryKind Normalize(MemoryKind kind)
        {
            switch (kind)
            {
                case MemoryKind.Usable:
                case MemoryKind.Reserved:
                case MemoryKind.AcpiReclaimable:
                case MemoryKind.AcpiNvs:
                case MemoryKind.BadMemory:
                case MemoryKind.EfiRuntime:
                case MemoryKind.Kernel:
                case MemoryKind.Framebuffer:
                    return kind;
                default:
                    return MemoryKind.Reserved;
            }
        }
    }
}
