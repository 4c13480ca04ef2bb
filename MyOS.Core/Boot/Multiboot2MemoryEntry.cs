namespace MyOS.Core.Boot
{
    /// <summary>
    /// One entry of the multiboot2 memory map, exactly as the boot loader reported it
    /// (type kept raw so unknown firmware types stay visible).
    /// </summary>
    public struct Multiboot2MemoryEntry
    {
        /// <summary>First physical address.</summary>
        public ulong Base;
        /// <summary>Length in bytes (may be 0 or unaligned; the parser does not judge).</summary>
        public ulong Length;
        /// <summary>Raw multiboot2 type: 1 available, 2 reserved, 3 ACPI reclaimable, 4 NVS, 5 bad.</summary>
        public uint Type;

        /// <summary>Creates an entry.</summary>
        public Multiboot2MemoryEntry(ulong baseAddress, ulong length, uint type)
        {
            Base = baseAddress;
            Length = length;
            Type = type;
        }
    }
}
