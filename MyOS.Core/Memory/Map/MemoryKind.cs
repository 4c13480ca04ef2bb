namespace MyOS.Core.Memory.Map
{
    /// <summary>What a stretch of physical memory may be used for.</summary>
    public enum MemoryKind : uint
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
}
