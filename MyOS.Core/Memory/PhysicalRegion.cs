namespace MyOS.Core.Memory
{
    /// <summary>What a stretch of physical memory may be used for.</summary>
    public enum RegionKind : uint
    {
        /// <summary>RAM the kernel may hand out (multiboot2 type 1).</summary>
        Usable = 1,
        /// <summary>Firmware or hardware owns it; never touched (type 2 and unknown types).</summary>
        Reserved = 2,
        /// <summary>ACPI tables; usable once they are read (type 3).</summary>
        AcpiReclaimable = 3,
        /// <summary>ACPI non-volatile storage (type 4).</summary>
        AcpiNvs = 4,
        /// <summary>RAM reported defective (type 5).</summary>
        BadMemory = 5,
        /// <summary>The firmware's EFI runtime services code or data (GRUB's type 20, or the EFI memory map): never touched.</summary>
        EfiRuntime = 20,
        /// <summary>RAM in use by the kernel itself: image, boot tables, boot info, allocator metadata.</summary>
        Kernel = 100,
        /// <summary>The screen's framebuffer (device memory, or RAM the firmware lent to the display).</summary>
        Framebuffer = 101,
    }

    /// <summary>
    /// A range of physical addresses [Base, Base + Length) and what it holds.
    /// Plain data: the memory map, the page allocator and the shell all speak in these.
    /// </summary>
    public struct PhysicalRegion
    {
        /// <summary>First physical address of the range.</summary>
        public ulong Base;
        /// <summary>Length in bytes; 0 means an empty range.</summary>
        public ulong Length;
        /// <summary>What the range holds.</summary>
        public RegionKind Kind;

        public PhysicalRegion(ulong baseAddress, ulong length, RegionKind kind)
        {
            Base = baseAddress;
            Length = length;
            Kind = kind;
        }

        /// <summary>One past the last address (Base + Length).</summary>
        public ulong End => Base + Length;
    }
}
