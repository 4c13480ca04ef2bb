using MyOS.Core.Memory.Map;


namespace MyOS.Core.Boot
{
    /// <summary>
    /// The multiboot2 memory map entry types and their translation to MemoryKind.
    /// Types 1..5 map to MemoryKind 1..5 one to one, GRUB's 20 to EfiRuntime; anything else is
    /// treated as Reserved because memory the kernel does not understand must never be handed out.
    /// </summary>
    public static class Multiboot2MemoryType
    {
        /// <summary>RAM free for the operating system.</summary>
        public const uint Available = 1;
        /// <summary>Reserved by firmware or hardware.</summary>
        public const uint Reserved = 2;
        /// <summary>ACPI tables, reusable after they are read.</summary>
        public const uint AcpiReclaimable = 3;
        /// <summary>ACPI non-volatile storage, kept across sleep.</summary>
        public const uint AcpiNvs = 4;
        /// <summary>Defective RAM.</summary>
        public const uint BadMemory = 5;
        /// <summary>GRUB's own type for EFI runtime services code (GRUB_MEMORY_CODE); not in the multiboot2 specification.</summary>
        public const uint GrubEfiRuntimeCode = 20;

        /// <summary>The MemoryKind for a raw multiboot2 type (unknown types become Reserved).</summary>
        public static MemoryKind ToRegionKind(uint type)
        {
            if (type >= Available && type <= BadMemory)
                return (MemoryKind)type;
            if (type == GrubEfiRuntimeCode)
                return MemoryKind.EfiRuntime;
            return MemoryKind.Reserved;
        }
    }
}
