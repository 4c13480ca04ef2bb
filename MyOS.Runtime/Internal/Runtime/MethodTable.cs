namespace Internal.Runtime
{
    /// <summary>
    /// The type descriptor ILC emits for every type (a NativeAOT "MethodTable"). Every object
    /// starts with a pointer to one. Only the fixed part is described here; the vtable (one code
    /// pointer per slot) and the interface map follow it in memory, and the GC descriptor (which
    /// fields hold references, for a collector) sits just below it. MethodTables carry no names.
    /// </summary>
    internal unsafe struct MethodTable
    {
        /// <summary>Low 16 bits: element size for arrays and strings (when <see cref="HasComponentSizeFlag"/>); high 16 bits: flags.</summary>
        internal uint _uFlags;
        /// <summary>Size of an instance without elements, including the 8-byte object header.</summary>
        internal uint _uBaseSize;
        /// <summary>The base type for classes, the element type for arrays, T for Nullable&lt;T&gt;.</summary>
        internal MethodTable* _relatedType;
        /// <summary>Number of vtable slots after the fixed part.</summary>
        internal ushort _usNumVtableSlots;
        /// <summary>Number of interfaces in the interface map after the vtable.</summary>
        internal ushort _usNumInterfaces;
        /// <summary>A hash of the type's name, used by casting caches.</summary>
        internal uint _uHashCode;

        /// <summary>Flag: the low 16 bits of the flags word hold an element size.</summary>
        internal const uint HasComponentSizeFlag = 0x80000000;
        /// <summary>Flag: a dispatch map (how the type implements interfaces) follows the interface map.</summary>
        internal const uint HasDispatchMapFlag = 0x00040000;
        /// <summary>Flag: the type has a finalizer (its pointer follows the dispatch map).</summary>
        internal const uint HasFinalizerFlag = 0x00100000;
        /// <summary>Flag: the type's instances contain object references (a collector must scan them).</summary>
        internal const uint HasPointersFlag = 0x00200000;
        /// <summary>Flag: the type has sealed virtual slots (final interface implementations, default methods).</summary>
        internal const uint HasSealedVTableEntriesFlag = 0x00400000;
        /// <summary>Flag: an optional-fields pointer follows the finalizer.</summary>
        internal const uint OptionalFieldsFlag = 0x01000000;
        /// <summary>Bits 26-30 hold the element type, which says what kind of type this is.</summary>
        private const uint ElementTypeMask = 0x7C000000;
        private const int ElementTypeShift = 26;

        /// <summary>Element type codes stored in the flags (a subset; enums store their underlying type's code).</summary>
        internal const uint ElementBoolean = 0x02, ElementChar = 0x03, ElementSByte = 0x04, ElementByte = 0x05,
            ElementInt16 = 0x06, ElementUInt16 = 0x07, ElementInt32 = 0x08, ElementUInt32 = 0x09,
            ElementInt64 = 0x0A, ElementUInt64 = 0x0B, ElementIntPtr = 0x0C, ElementUIntPtr = 0x0D,
            ElementValueType = 0x10, ElementNullable = 0x12, ElementClass = 0x14, ElementInterface = 0x15,
            ElementSystemArray = 0x16, ElementArray = 0x17, ElementSzArray = 0x18;

        /// <summary>What kind of type this is (one of the Element* codes).</summary>
        internal uint ElementType => (_uFlags & ElementTypeMask) >> ElementTypeShift;

        /// <summary>Whether this type is an interface.</summary>
        internal bool IsInterface => ElementType == ElementInterface;

        /// <summary>Whether this type is a value type (primitive, enum, struct or Nullable).</summary>
        internal bool IsValueType => ElementType != 0 && ElementType < ElementClass;

        /// <summary>Whether this type is an array (T[] or a multi-dimensional array).</summary>
        internal bool IsArray => ElementType == ElementSzArray || ElementType == ElementArray;

        /// <summary>Whether this type is Nullable&lt;T&gt; (then <see cref="RelatedType"/> is T).</summary>
        internal bool IsNullable => ElementType == ElementNullable;

        /// <summary>Whether instances contain references (what a mark phase must follow).</summary>
        internal bool HasPointers => (_uFlags & HasPointersFlag) != 0;

        /// <summary>The base type (classes), element type (arrays) or T (Nullable&lt;T&gt;).</summary>
        internal MethodTable* RelatedType => _relatedType;

        /// <summary>The vtable: code pointers, one per virtual slot, right after the fixed part.</summary>
        internal void** VTable
        {
            get
            {
                fixed (MethodTable* self = &this)
                    return (void**)((byte*)self + sizeof(MethodTable));
            }
        }

        /// <summary>The interfaces this type implements; they follow the vtable.</summary>
        internal MethodTable** InterfaceMap => (MethodTable**)(VTable + _usNumVtableSlots);

        /// <summary>
        /// The 32-bit relative pointers that follow the interface map, in this order: type manager,
        /// writable data, then, when their flags are set, dispatch map, finalizer, optional fields and
        /// sealed virtual slots. Returns the address of the one at <paramref name="index"/> among those present.
        /// </summary>
        private int* TrailingField(int index) => (int*)(InterfaceMap + _usNumInterfaces) + index;

        /// <summary>Follows a 32-bit pointer stored relative to its own address.</summary>
        internal static void* FollowRelative(int* field) => (byte*)field + *field;

        /// <summary>Whether the type has a dispatch map.</summary>
        internal bool HasDispatchMap => (_uFlags & HasDispatchMapFlag) != 0;

        /// <summary>How the type implements its interfaces; null when it declares no implementations itself.</summary>
        internal DispatchMap* DispatchMap => HasDispatchMap ? (DispatchMap*)FollowRelative(TrailingField(2)) : null;

        /// <summary>Code of sealed virtual slot <paramref name="index"/> (a table of self-relative 32-bit pointers).</summary>
        internal void* SealedVirtualSlot(int index)
        {
            int position = 2;
            if (HasDispatchMap)
                position++;
            if ((_uFlags & HasFinalizerFlag) != 0)
                position++;
            if ((_uFlags & OptionalFieldsFlag) != 0)
                position++;
            int* table = (int*)FollowRelative(TrailingField(position));
            return FollowRelative(table + index);
        }

        /// <summary>Number of virtual slots in <see cref="VTable"/>.</summary>
        internal int VTableSlotCount => _usNumVtableSlots;

        /// <summary>Number of entries in <see cref="InterfaceMap"/>.</summary>
        internal int InterfaceCount => _usNumInterfaces;

        /// <summary>Bytes per element for arrays and strings; 0 for other types.</summary>
        internal ushort ComponentSize => (_uFlags & HasComponentSizeFlag) != 0 ? (ushort)_uFlags : (ushort)0;

        /// <summary>Size of an instance without elements, including the object header.</summary>
        internal uint BaseSize => _uBaseSize;

        /// <summary>Flag: the type is generic (generic definition and arguments follow the other trailing fields).</summary>
        internal const uint IsGenericFlag = 0x02000000;

        /// <summary>Low 16 bits of the flags of a type without component size: extra flags.</summary>
        private uint ExtendedFlags => (_uFlags & HasComponentSizeFlag) != 0 ? 0 : _uFlags & 0xFFFF;

        /// <summary>
        /// Size of a value type's fields (what a box holds): base size less the object header, the
        /// MethodTable pointer and the padding a box adds (extended flags bits 5-7).
        /// </summary>
        internal uint ValueSize => _uBaseSize - 2 * (uint)sizeof(void*) - ((ExtendedFlags & 0xE0) >> 5);

        /// <summary>For Nullable&lt;T&gt;: offset of the value after the hasValue flag (log2 in extended flags bits 8-10).</summary>
        internal uint NullableValueOffset => 1u << (int)((ExtendedFlags & 0x700) >> 8);

        /// <summary>
        /// The first generic argument of a generic type with one argument (T of Nullable&lt;T&gt;):
        /// the generic definition and the argument are the last two trailing relative pointers.
        /// </summary>
        internal MethodTable* FirstGenericArgument
        {
            get
            {
                int position = 2;
                if (HasDispatchMap)
                    position++;
                if ((_uFlags & HasFinalizerFlag) != 0)
                    position++;
                if ((_uFlags & OptionalFieldsFlag) != 0)
                    position++;
                if ((_uFlags & HasSealedVTableEntriesFlag) != 0)
                    position++;
                return (MethodTable*)FollowRelative(TrailingField(position + 1));
            }
        }
    }
}
