using System.Runtime.InteropServices;

namespace MyOS.Runtime.Startup
{
    /// <summary>
    /// The header ILC writes for each compiled module ('RTR\0', version, then a table of
    /// sections: statics, frozen objects, EH info, ...). Rows of <see cref="EntrySize"/> bytes
    /// follow it directly.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct ReadyToRunHeader
    {
        public uint Signature;
        public ushort MajorVersion;
        public ushort MinorVersion;
        public uint Flags;
        public ushort SectionCount;
        public byte EntrySize;
        public byte EntryType;

        /// <summary>'RTR\0' read as a little-endian word.</summary>
        public const uint ExpectedSignature = 0x00525452;
    }

    /// <summary>One section of a module: its id (ReadyToRunSectionType) and where it lies.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct ReadyToRunSection
    {
        public int SectionId;
        public int Flags;
        public byte* Start;
        public byte* End;
    }
}
