using System.Runtime;

namespace MyOS.Runtime.Collector
{
    /// <summary>
    /// Segments of objects the collector never frees: the image's preinitialised objects
    /// (ILC's frozen region) and CoreLib's frozen heap (RuntimeType objects, string literals
    /// made at run time). Objects in them may reference heap objects, so each collection walks
    /// them as roots. A segment's first object starts one header word in; objects follow each
    /// other by size up to the segment's allocated end. Invariant: s_count &lt;= MaxSegments.
    /// </summary>
    internal static unsafe class FrozenSegments
    {
        private const int MaxSegments = 16;

        private struct Segment
        {
            public byte* Start;
            public byte* Allocated;
            public byte* Reserved;
        }

        private struct Table
        {
            public fixed ulong Words[MaxSegments * 3];
        }

        private static Table s_table;
        private static int s_count;

        private static Segment* Segments
        {
            get
            {
                fixed (ulong* words = s_table.Words)
                    return (Segment*)words;   // a non-GC static: its address never changes
            }
        }

        /// <summary>Registers a segment; its handle is its index + 1 (0 means refused: too many).</summary>
        [RuntimeExport("RhRegisterFrozenSegment")]
        private static nint Register(byte* start, nuint allocated, nuint committed, nuint reserved)
        {
            if (s_count == MaxSegments)
                return 0;
            Segment* segment = Segments + s_count++;
            segment->Start = start;
            segment->Allocated = start + allocated;
            segment->Reserved = start + reserved;
            return s_count;
        }

        [RuntimeExport("RhUpdateFrozenSegment")]
        private static void Update(nint handle, byte* allocated, byte* committed)
        {
            if (handle >= 1 && handle <= s_count)
                Segments[handle - 1].Allocated = allocated;
        }

        [RuntimeExport("RhUnregisterFrozenSegment")]
        private static void Unregister(nint handle)
        {
            if (handle >= 1 && handle <= s_count)
                Segments[handle - 1].Allocated = Segments[handle - 1].Start;
        }

        /// <summary>True when <paramref name="address"/> lies in a registered segment's reserved range.</summary>
        public static bool Contains(void* address)
        {
            for (int i = 0; i < s_count; i++)
            {
                if (address >= Segments[i].Start && address < Segments[i].Reserved)
                    return true;
            }

            return false;
        }

        /// <summary>Traces the references of every frozen object that has any.</summary>
        public static void MarkFromObjects()
        {
            for (int i = 0; i < s_count; i++)
                ObjectReferences.MarkChildrenOfEach(Segments[i].Start + ObjectReferences.HeaderSize, Segments[i].Allocated);
        }
    }
}
