namespace MyOS.Core.Boot
{
    /// <summary>One descriptor of the EFI memory map (UEFI's EFI_MEMORY_DESCRIPTOR): a type and a run of 4 KiB pages.</summary>
    public struct EfiMemoryDescriptor
    {
        /// <summary>Size of an EFI page, whatever the machine's page size.</summary>
        public const ulong PageSize = 4096;

        /// <summary>The EFI memory type (see <see cref="EfiMemoryType"/>).</summary>
        public uint Type;
        /// <summary>Physical address of the first page.</summary>
        public ulong PhysicalStart;
        /// <summary>Number of 4 KiB pages.</summary>
        public ulong PageCount;
        /// <summary>Capability and runtime attribute bits (EFI_MEMORY_WB, EFI_MEMORY_RUNTIME, ...).</summary>
        public ulong Attributes;

        /// <summary>Bytes covered (PageCount * 4 KiB).</summary>
        public ulong Length => PageCount * PageSize;
    }
}
