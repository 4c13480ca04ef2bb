namespace Internal.Runtime
{
    /// <summary>
    /// A resolved call site: the last receiver type seen and the code it dispatched to, plus
    /// the interface method, so the cell can be re-resolved when another type comes along.
    /// Field order is a contract with the cached-dispatch stub in MyOS.Build/Native/dispatch.asm.
    /// </summary>
    internal unsafe struct InterfaceDispatchCache
    {
        /// <summary>The receiver type the cache holds (offset 0, compared by the stub).</summary>
        internal MethodTable* InstanceType;
        /// <summary>The code for that type (offset 8, jumped to by the stub).</summary>
        internal void* Target;
        /// <summary>The interface the call site calls.</summary>
        internal MethodTable* InterfaceType;
        /// <summary>The method's slot within the interface.</summary>
        internal nint Slot;
    }
}
