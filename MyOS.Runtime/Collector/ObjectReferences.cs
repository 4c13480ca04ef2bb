using MyOS.Runtime.Allocation;

namespace MyOS.Runtime.Collector
{
    /// <summary>
    /// An object's size and its reference fields, read precisely from the GC descriptor ILC
    /// places below each MethodTable that has references. The word just below the MethodTable
    /// is a series count n. For n &gt; 0, n series {size, offset} lie below it (the highest
    /// first); a series covers size + object size bytes of references from reference + offset.
    /// For n &lt; 0 (arrays of structs), the word below the count is the first element's
    /// offset, and -n {pointer count, bytes to skip} pairs below that repeat for each element.
    /// </summary>
    internal static unsafe class ObjectReferences
    {
        /// <summary>The header word below every object reference; an object's heap block payload starts with it.</summary>
        public const ulong HeaderSize = 8;

        /// <summary>The object whose heap block payload starts at <paramref name="payload"/>.</summary>
        public static void* FromPayload(byte* payload) => payload + HeaderSize;

        /// <summary>Bytes the object occupies, header word included, rounded up to 8.</summary>
        public static ulong SizeOf(void* reference)
        {
            MethodTable* type = *(MethodTable**)reference;
            ulong bytes = type->BaseSize;
            uint component = type->ComponentSize;
            if (component != 0)
                bytes += (ulong)component * *(uint*)((byte*)reference + 8);
            return (bytes + 7) & ~7UL;
        }

        /// <summary>
        /// Traces every object of a block where objects follow each other by size (the bootstrap
        /// heap, a frozen segment): from the reference <paramref name="first"/> up to
        /// <paramref name="end"/>, or to the first word that holds no MethodTable.
        /// </summary>
        public static void MarkChildrenOfEach(byte* first, byte* end)
        {
            for (byte* reference = first; reference < end && *(void**)reference != null; reference += SizeOf(reference))
                MarkChildren(reference);
        }

        /// <summary>Hands every non-null reference field of the object to <see cref="Marker.Mark"/>.</summary>
        public static void MarkChildren(void* reference)
        {
            MethodTable* type = *(MethodTable**)reference;
            if (type == null || !type->HasPointers)
                return;
            byte* start = (byte*)reference;
            byte* objectEnd = start - HeaderSize + SizeOf(reference);
            long* descriptor = (long*)type;
            long series = descriptor[-1];
            if (series > 0)
            {
                for (long i = 1; i <= series; i++)
                {
                    long* entry = descriptor - 1 - 2 * i;   // {size, offset}
                    void** slot = (void**)(start + entry[1]);
                    void** stop = (void**)((byte*)slot + entry[0] + (long)SizeOf(reference));
                    if ((byte*)stop > objectEnd)
                        stop = (void**)objectEnd;
                    for (; slot < stop; slot++)
                        Marker.Mark(*slot);
                }
                return;
            }
            // Arrays of structs: the same pattern for each element.
            uint* pattern = (uint*)(descriptor - 3);   // pairs {pointer count, skip}, going down
            void** position = (void**)(start + descriptor[-2]);
            while ((byte*)position < objectEnd)
            {
                void** elementStart = position;
                for (long i = 0; i < -series; i++)
                {
                    uint pointers = pattern[-2 * i];
                    uint skip = pattern[-2 * i + 1];
                    for (uint p = 0; p < pointers && (byte*)position < objectEnd; p++, position++)
                        Marker.Mark(*position);
                    position = (void**)((byte*)position + skip);
                }
                if (position == elementStart)
                    return;   // an empty pattern would never advance
            }
        }
    }
}
