using System.Runtime.InteropServices;

namespace MyOS.Runtime.Allocation
{
    /// <summary>
    /// The start of a type's MethodTable, as ILC lays it out: the part the allocator reads.
    /// For arrays and strings the low 16 bits of <see cref="Flags"/> are the element size.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct MethodTable
    {
        public uint Flags;
        /// <summary>Bytes of an instance (of an empty array or string), header word included.</summary>
        public uint BaseSize;

        /// <summary>EETypeFlags.HasComponentSizeFlag: arrays and strings.</summary>
        private const uint HasComponentSizeFlag = 0x80000000;

        /// <summary>Bytes per element of an array or string; 0 for other types.</summary>
        public uint ComponentSize => (Flags & HasComponentSizeFlag) != 0 ? (ushort)Flags : 0u;
    }
}
