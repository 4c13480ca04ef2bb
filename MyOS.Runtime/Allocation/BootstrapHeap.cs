namespace MyOS.Runtime.Allocation
{
    /// <summary>
    /// Memory for the runtime's start-up, before the kernel heap exists: CoreLib's statics and
    /// first objects, and the runtime's first tables. Objects grow up from the bottom and raw
    /// tables down from the top, so the objects stay contiguous and the collector can walk them
    /// by size (they are never freed, and they are roots: the statics live here). The block is
    /// .bss the boot stub reserved, so already zero. Invariant: s_start &lt;= s_objectsEnd &lt;=
    /// s_rawStart &lt;= s_end, all 8-byte aligned.
    /// </summary>
    internal static unsafe class BootstrapHeap
    {
        private static byte* s_start;
        private static byte* s_objectsEnd;
        private static byte* s_rawStart;
        private static byte* s_end;

        /// <summary>Takes the block [start, start + size).</summary>
        internal static void Initialize(byte* start, nuint size)
        {
            s_start = (byte*)(((nuint)start + 7) & ~(nuint)7);
            s_objectsEnd = s_start;
            s_end = (byte*)((nuint)(start + size) & ~(nuint)7);
            s_rawStart = s_end;
        }

        /// <summary>Whether <paramref name="address"/> lies in memory this heap handed out.</summary>
        internal static bool Contains(void* address) =>
            (address >= s_start && address < s_objectsEnd) || (address >= s_rawStart && address < s_end);

        /// <summary>Zeroed bytes for an object (its header word first), or null when the block is used up.</summary>
        internal static void* AllocateObject(nuint bytes)
        {
            nuint rounded = (bytes + 7) & ~(nuint)7;
            if (rounded < bytes || rounded > (nuint)(s_rawStart - s_objectsEnd))
                return null;
            byte* result = s_objectsEnd;
            s_objectsEnd += rounded;
            return result;
        }

        /// <summary>Zeroed bytes for a runtime table, or null when the block is used up.</summary>
        internal static void* AllocateRaw(nuint bytes)
        {
            nuint rounded = (bytes + 7) & ~(nuint)7;
            if (rounded < bytes || rounded > (nuint)(s_rawStart - s_objectsEnd))
                return null;
            s_rawStart -= rounded;
            return s_rawStart;
        }

        /// <summary>The first object's reference (past its header word); objects follow each other by size up to <see cref="ObjectsEnd"/>.</summary>
        internal static byte* FirstObject => s_start + 8;

        internal static byte* ObjectsEnd => s_objectsEnd;
    }
}
