using System.Runtime.InteropServices;
using MyOS.Runtime.Allocation;

namespace MyOS.Runtime.Dispatch
{
    /// <summary>
    /// What a dispatch cell calls, as CoreLib's resolver wants it (its DispatchCellInfo; the
    /// layout is that contract): an interface and a slot, or a vtable offset.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct DispatchCellInfo
    {
        public int CellType;
        public MethodTable* InterfaceType;
        public ushort InterfaceSlot;
        public byte HasCache;
        public uint MetadataToken;
        public uint VTableOffset;

        public const int InterfaceAndSlot = 0;
        public const int VTableOffsetCell = 2;
    }
}
