namespace MyOS.Core.Boot
{
    /// <summary>
    /// The tag types a multiboot2 boot loader may put in the boot information.
    /// Values are fixed by the multiboot2 specification; the parser reads the ones named in
    /// its summary and skips every other type, as the specification asks.
    /// </summary>
    public enum Multiboot2TagType : uint
    {
        /// <summary>Terminates the tag list (size 8).</summary>
        End = 0,
        /// <summary>Kernel command line, a NUL-terminated string.</summary>
        CommandLine = 1,
        /// <summary>Boot loader name, a NUL-terminated string.</summary>
        BootLoaderName = 2,
        /// <summary>A boot module: u32 start, u32 end, NUL-terminated string.</summary>
        Module = 3,
        /// <summary>u32 mem_lower and u32 mem_upper, both in KiB.</summary>
        BasicMemoryInfo = 4,
        /// <summary>BIOS boot device (not parsed).</summary>
        BootDevice = 5,
        /// <summary>Memory map: u32 entry_size, u32 entry_version, then entries.</summary>
        MemoryMap = 6,
        /// <summary>VBE information (not parsed).</summary>
        Vbe = 7,
        /// <summary>Framebuffer: u64 address, u32 pitch, u32 width, u32 height, u8 bpp, u8 type, colour info.</summary>
        Framebuffer = 8,
        /// <summary>ELF section headers of the kernel: u32 num, u32 entsize, u32 shndx, headers.</summary>
        ElfSections = 9,
        /// <summary>APM table (not parsed).</summary>
        Apm = 10,
        /// <summary>EFI 64-bit system table: u64 physical address.</summary>
        Efi64SystemTable = 12,
        /// <summary>ACPI 1.0 RSDP copy (20 bytes).</summary>
        AcpiOldRsdp = 14,
        /// <summary>ACPI 2.0+ RSDP copy (36 bytes).</summary>
        AcpiNewRsdp = 15,
        /// <summary>EFI memory map: u32 descriptor_size, u32 descriptor_version, descriptors.</summary>
        EfiMemoryMap = 17,
        /// <summary>Physical address the image was loaded at: u32 load_base_addr.</summary>
        LoadBaseAddress = 21,
    }
}
