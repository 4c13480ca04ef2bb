using System.Runtime.InteropServices;

namespace MyOS.Runtime.Allocation
{
    /// <summary>
    /// The start of a type's MethodTable, as ILC 10 lays it out: what the allocator and the
    /// collector read. For arrays and strings the low 16 bits of <see cref="Flags"/> are the
    /// element size. A type with references has its GC descriptor just below the MethodTable
    /// (see Collector/ObjectReferences.cs).
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct MethodTable
    {
        public uint Flags;
        /// <summary>Bytes of an instance (of an empty array or string), header word included.</summary>
        public uint BaseSize;
        /// <summary>The base type or, for arrays, the element type.</summary>
        public MethodTable* RelatedType;
        public ushort VirtualSlotCount;
        public ushort InterfaceCount;
        public uint HashCode;

        /// <summary>EETypeFlags.HasComponentSizeFlag: arrays and strings.</summary>
        private const uint HasComponentSizeFlag = 0x80000000;
        /// <summary>EETypeFlags.HasPointersFlag (ILC 10): the type has references and a GC descriptor.</summary>
        private const uint HasPointersFlag = 0x01000000;
        /// <summary>EETypeFlags.HasFinalizerFlag.</summary>
        private const uint HasFinalizerFlag = 0x00100000;
        /// <summary>EETypeFlags.IsDynamicTypeFlag: built at run time, optional fields are full pointers.</summary>
        private const uint IsDynamicTypeFlag = 0x00080000;
        /// <summary>EETypeFlags.HasDispatchMap: one more optional field before the finalizer.</summary>
        private const uint HasDispatchMapFlag = 0x00040000;

        /// <summary>Bytes per element of an array or string; 0 for other types.</summary>
        public uint ComponentSize => (Flags & HasComponentSizeFlag) != 0 ? (ushort)Flags : 0u;

        public bool HasPointers => (Flags & HasPointersFlag) != 0;

        public bool HasFinalizer => (Flags & HasFinalizerFlag) != 0;

        /// <summary>
        /// The finalizer's code. After the vtable and the interface list come the optional fields
        /// in a fixed order: type manager, writable data, dispatch map (if any), finalizer; each
        /// is a 32-bit relative pointer, or a full pointer in a dynamic type (what CoreLib's own
        /// MethodTable.FinalizerCode computes).
        /// </summary>
        public static void* FinalizerCode(MethodTable* type)
        {
            bool dynamic = (type->Flags & IsDynamicTypeFlag) != 0;
            uint field = dynamic ? 8u : 4u;
            uint offset = (uint)sizeof(MethodTable) + (uint)type->VirtualSlotCount * 8 + (uint)type->InterfaceCount * 8 + 2 * field;
            if ((type->Flags & HasDispatchMapFlag) != 0)
                offset += field;
            byte* address = (byte*)type + offset;
            return dynamic ? *(void**)address : address + *(int*)address;
        }
    }
}
