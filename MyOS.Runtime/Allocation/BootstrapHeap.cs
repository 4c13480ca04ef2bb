namespace MyOS.Runtime.Allocation
{
    /// <summary>
    /// Memory for the runtime's start-up, before the kernel heap exists: CoreLib's module
    /// tables, statics and first objects. It bumps a pointer through a block the boot stub
    /// reserved (.bss, so already zero) and never frees. Invariant: s_next is 8-byte aligned
    /// and s_next &lt;= s_end.
    /// </summary>
    internal static unsafe class BootstrapHeap
    {
        private static byte* s_start;
        private static byte* s_next;
        private static byte* s_end;

        /// <summary>Takes the block [start, start + size).</summary>
        internal static void Initialize(byte* start, nuint size)
        {
            s_start = start;
            s_next = (byte*)(((nuint)start + 7) & ~(nuint)7);
            s_end = start + size;
        }

        /// <summary>Whether <paramref name="address"/> lies in memory this heap handed out.</summary>
        internal static bool Contains(void* address) => address >= s_start && address < s_next;

        /// <summary><paramref name="bytes"/> zeroed bytes, 8-byte aligned, or null when the block is used up.</summary>
        internal static void* Allocate(nuint bytes)
        {
            nuint rounded = (bytes + 7) & ~(nuint)7;
            if (rounded < bytes || rounded > (nuint)(s_end - s_next))
                return null;
            byte* result = s_next;
            s_next += rounded;
            return result;
        }
    }
}
