namespace MyOS.Core.Acpi
{
    /// <summary>An ACPI Generic Address Structure (12 bytes): a register in some address space.</summary>
    public struct GenericAddress
    {
        /// <summary>Address space id: system memory.</summary>
        public const byte SystemMemory = 0;
        /// <summary>Address space id: system I/O ports.</summary>
        public const byte SystemIo = 1;
        /// <summary>Address space id: PCI configuration space.</summary>
        public const byte PciConfiguration = 2;

        /// <summary>Which address space <see cref="Address"/> is in.</summary>
        public byte SpaceId;
        /// <summary>Register width in bits.</summary>
        public byte BitWidth;
        /// <summary>Address of the register (0: none).</summary>
        public ulong Address;

        /// <summary>Space name for messages: "I/O port", "memory", "PCI config" or "space N".</summary>
        public string SpaceName =>
            SpaceId == SystemIo ? "I/O port" : SpaceId == SystemMemory ? "memory" : SpaceId == PciConfiguration ? "PCI config" : "space " + SpaceId.ToString();
    }
}
