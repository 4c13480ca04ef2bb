namespace Internal.Runtime
{
    /// <summary>One row of a <see cref="DispatchMap"/>: interface method (interface, slot) is implemented by a slot of the class.</summary>
    internal struct DispatchMapEntry
    {
        /// <summary>Index into the class's interface map.</summary>
        internal ushort InterfaceIndex;
        /// <summary>The method's slot number within the interface.</summary>
        internal ushort InterfaceMethodSlot;
        /// <summary>
        /// The implementation: a vtable slot when below the class's vtable size, otherwise an index
        /// (after subtracting the vtable size) into the class's sealed virtual slots.
        /// 0xFFFF (re-abstracted) and 0xFFFE (ambiguous diamond) mean there is none.
        /// </summary>
        internal ushort ImplementationSlot;
    }
}
