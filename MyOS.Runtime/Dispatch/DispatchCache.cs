using MyOS.Runtime.Allocation;

namespace MyOS.Runtime.Dispatch
{
    /// <summary>
    /// A resolved call site: the last receiver type and the code it dispatched to (the first
    /// two fields are read by MyOSCachedInterfaceDispatch in Native/InterfaceDispatch.asm),
    /// plus what the cell calls, so the cell can be resolved again for another receiver type.
    /// </summary>
    internal unsafe struct DispatchCache
    {
        public MethodTable* InstanceType;
        public void* Target;
        public DispatchCellInfo Info;
    }
}
