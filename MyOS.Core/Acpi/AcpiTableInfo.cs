namespace MyOS.Core.Acpi
{
    /// <summary>One ACPI table found and checked: where it is and what its header says.</summary>
    public struct AcpiTableInfo
    {
        /// <summary>The four-letter signature, e.g. "FACP".</summary>
        public string Signature;
        /// <summary>Physical address of the header.</summary>
        public ulong Address;
        /// <summary>Length from the header, in bytes.</summary>
        public uint Length;
        /// <summary>Revision from the header.</summary>
        public byte Revision;
        /// <summary>The six-character OEM id, trailing spaces removed.</summary>
        public string OemId;
    }
}
