using Internal.Runtime.CompilerHelpers;

namespace Internal.Runtime
{
    /// <summary>
    /// Prepares a compiled module's statics. ILC lists each module's sections in a ReadyToRun
    /// header; the GC static region holds one slot per type with reference-type statics. At
    /// start-up a slot refers to that statics type's MethodTable with the low bit set; it must
    /// be replaced by a freshly allocated object of that type (filled from pre-initialised data
    /// when bit 1 is set), because compiled code reads statics as fields of that object.
    /// </summary>
    internal static unsafe class ModuleInitializer
    {
        /// <summary>'RTR\0': the signature of a ReadyToRun header.</summary>
        private const uint ReadyToRunSignature = 0x00525452;
        /// <summary>Section id of the GC static region.</summary>
        private const int GCStaticRegionSection = 201;
        /// <summary>Slot flag: the statics object still has to be allocated.</summary>
        private const int Uninitialized = 0x1;
        /// <summary>Slot flag: the next slot points at data to copy into the new object.</summary>
        private const int HasPreInitializedData = 0x2;

        /// <summary>Walks one module's ReadyToRun header and initialises its GC static region.</summary>
        internal static void InitializeStatics(byte* header)
        {
            if (*(uint*)header != ReadyToRunSignature)
                RuntimeFailure.Fail("BadImageFormatException", "The module header has no ReadyToRun signature.");
            ushort sectionCount = *(ushort*)(header + 12);
            byte entrySize = header[14];
            byte* row = header + 16;
            for (int i = 0; i < sectionCount; i++, row += entrySize)
            {
                // A row is { int SectionId; int Flags; void* Start; void* End }.
                if (*(int*)row == GCStaticRegionSection)
                    InitializeGCStaticRegion(*(int**)(row + 8), *(int**)(row + 16));
            }
        }

        /// <summary>
        /// The region is an array of 32-bit relative pointers, each to a type's statics block.
        /// A block starts with a 32-bit relative pointer (from the block) to the statics type,
        /// tagged in its low bits; when pre-initialised data exists, a second relative pointer
        /// (from its own address) follows. Initialising writes the new object over the block.
        /// </summary>
        private static void InitializeGCStaticRegion(int* start, int* end)
        {
            for (int* entry = start; entry < end; entry++)
            {
                byte* block = (byte*)entry + *entry;
                int tagged = *(int*)block;
                if ((tagged & Uninitialized) == 0)
                    continue;
                MethodTable* type = (MethodTable*)(block + (tagged & ~(Uninitialized | HasPreInitializedData)));
                object statics = StartupCodeHelpers.RhNewObject(type);
                byte* fields = (byte*)StartupCodeHelpers.GetObjectAddress(statics) + sizeof(void*);
                if ((tagged & HasPreInitializedData) != 0)
                {
                    int* dataPointer = (int*)(block + sizeof(int));
                    byte* data = (byte*)dataPointer + *dataPointer;
                    nuint size = type->BaseSize - 2 * (nuint)sizeof(void*);
                    for (nuint b = 0; b < size; b++)
                        fields[b] = data[b];
                }
                *(void**)block = StartupCodeHelpers.GetObjectAddress(statics);
            }
        }
    }
}
