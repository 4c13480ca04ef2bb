namespace Internal.Runtime
{
    /// <summary>
    /// A call site's interface dispatch cell, as ILC emits it: compiled code loads the cell's
    /// address into r11 and calls through <see cref="Stub"/>. Cells are grouped by interface
    /// slot; each group ends with a cell whose Stub is null and whose second word is the slot.
    /// </summary>
    internal unsafe struct InterfaceDispatchCell
    {
        /// <summary>The code the call site jumps to: the resolving stub, then the cached-dispatch stub.</summary>
        internal void* Stub;
        /// <summary>
        /// At first: a 32-bit pointer to the interface's MethodTable, relative to this field,
        /// tagged with <see cref="RelativeInterfaceTag"/> in its low bits. Once resolved: a
        /// <see cref="InterfaceDispatchCache"/> (8-byte aligned, so its low bits are clear).
        /// </summary>
        internal nint Cache;

        /// <summary>Low bits of <see cref="Cache"/> meaning "relative pointer to the interface".</summary>
        internal const nint RelativeInterfaceTag = 3;
        /// <summary>Mask of the tag bits.</summary>
        internal const nint TagMask = 3;
    }
}
