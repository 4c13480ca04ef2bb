namespace Internal.Runtime
{
    /// <summary>
    /// How a class implements its interfaces, as ILC emits it (pointed to by a relative pointer
    /// after the MethodTable's interface map when the HasDispatchMap flag is set): four counts,
    /// then entries of three 16-bit numbers. Standard entries come first, then default-method
    /// entries; the static-virtual entries after them are not used by MyOS.
    /// </summary>
    internal unsafe struct DispatchMap
    {
        /// <summary>Entries for methods the class itself (or a base) implements.</summary>
        internal ushort StandardEntryCount;
        /// <summary>Entries that use an interface's default implementation.</summary>
        internal ushort DefaultEntryCount;
        /// <summary>Static virtual entries (not used for instance dispatch).</summary>
        internal ushort StandardStaticEntryCount;
        /// <summary>Default static virtual entries (not used for instance dispatch).</summary>
        internal ushort DefaultStaticEntryCount;

        /// <summary>Entry <paramref name="index"/>; standard entries are 0 .. StandardEntryCount-1, defaults follow.</summary>
        internal DispatchMapEntry* Entry(int index)
        {
            fixed (DispatchMap* self = &this)
                return (DispatchMapEntry*)((byte*)self + 4 * sizeof(ushort)) + index;
        }
    }
}
