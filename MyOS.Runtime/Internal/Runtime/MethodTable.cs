namespace Internal.Runtime
{
    /// <summary>
    /// The type descriptor ILC emits for every type (a NativeAOT "MethodTable"). Every object
    /// starts with a pointer to one. Only the fixed part is described here; the vtable and
    /// the optional fields follow it in memory, and the GC descriptor sits just below it.
    /// </summary>
    internal unsafe struct MethodTable
    {
        /// <summary>Low 16 bits: element size for arrays and strings; high 16 bits: flags.</summary>
        internal uint _uFlags;
        /// <summary>Size of an instance without elements, including the 8-byte object header.</summary>
        internal uint _uBaseSize;
        /// <summary>The base type for classes, the element type for arrays.</summary>
        internal MethodTable* _relatedType;
        /// <summary>Number of vtable slots after the fixed part.</summary>
        internal ushort _usNumVtableSlots;
        /// <summary>Number of interfaces in the interface map after the vtable.</summary>
        internal ushort _usNumInterfaces;
        /// <summary>A hash of the type's name, used by casting caches.</summary>
        internal uint _uHashCode;

        /// <summary>Flag: the low 16 bits of the flags word hold an element size.</summary>
        internal const uint HasComponentSizeFlag = 0x80000000;

        /// <summary>Flag bits that say what kind of type this is (class, value type, interface, ...).</summary>
        internal const uint CategoryMask = 0x000F0000;
        /// <summary>Category value of interfaces.</summary>
        internal const uint InterfaceCategory = 0x000C0000;
        /// <summary>Mask and value that mark value types.</summary>
        internal const uint ValueTypeMask = 0x000C0000, ValueTypeCategory = 0x00040000;

        /// <summary>Whether this type is an interface.</summary>
        internal bool IsInterface => (_uFlags & CategoryMask) == InterfaceCategory;

        /// <summary>Whether this type is a value type.</summary>
        internal bool IsValueType => (_uFlags & ValueTypeMask) == ValueTypeCategory;

        /// <summary>The base type (classes) or element type (arrays).</summary>
        internal MethodTable* RelatedType => _relatedType;

        /// <summary>The interfaces this type implements; they follow the vtable.</summary>
        internal MethodTable** InterfaceMap
        {
            get
            {
                fixed (MethodTable* self = &this)
                    return (MethodTable**)((byte*)self + sizeof(MethodTable) + sizeof(void*) * _usNumVtableSlots);
            }
        }

        /// <summary>Number of entries in <see cref="InterfaceMap"/>.</summary>
        internal int InterfaceCount => _usNumInterfaces;

        /// <summary>Bytes per element for arrays and strings; 0 for other types.</summary>
        internal ushort ComponentSize => (_uFlags & HasComponentSizeFlag) != 0 ? (ushort)_uFlags : (ushort)0;

        /// <summary>Size of an instance without elements, including the object header.</summary>
        internal uint BaseSize => _uBaseSize;
    }
}
