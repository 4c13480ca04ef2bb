namespace MyOS.Core.Boot
{
    /// <summary>What was wrong with the multiboot2 boot information. None means it parsed.</summary>
    public enum BootInfoErrorReason : uint
    {
        /// <summary>No error: the structure is well formed.</summary>
        None = 0,
        /// <summary>The pointer handed to the parser was null.</summary>
        NullPointer,
        /// <summary>The pointer is not 8-byte aligned, as multiboot2 requires.</summary>
        MisalignedPointer,
        /// <summary>Fewer readable bytes than the 8-byte fixed header.</summary>
        HeaderNotReadable,
        /// <summary>total_size is below 16 (header plus end tag).</summary>
        TotalSizeTooSmall,
        /// <summary>total_size is above the readable length or Multiboot2Parser.MaxTotalSize.</summary>
        TotalSizeTooLarge,
        /// <summary>A tag's size is below 8, or below the fixed fields its type needs.</summary>
        TagTooSmall,
        /// <summary>A tag's size runs past total_size.</summary>
        TagPastEnd,
        /// <summary>No end tag before total_size was reached.</summary>
        MissingEndTag,
        /// <summary>The end tag's size is not 8.</summary>
        EndTagSizeInvalid,
        /// <summary>A tag type that may appear once appeared again.</summary>
        DuplicateTag,
        /// <summary>A string tag (or module string) has no NUL inside the tag.</summary>
        StringNotTerminated,
        /// <summary>Memory map entry_size is below 24 bytes.</summary>
        MemoryMapEntrySizeTooSmall,
        /// <summary>Memory map entries do not fill the tag exactly (size - 16 not a multiple of entry_size).</summary>
        MemoryMapSizeNotMultiple,
        /// <summary>More memory map entries than Multiboot2Info.MaxMemoryEntries.</summary>
        TooManyMemoryMapEntries,
        /// <summary>A memory map entry's base + length passes 2^64.</summary>
        MemoryMapEntryOverflow,
        /// <summary>A module's end address is below its start address.</summary>
        ModuleRangeInvalid,
        /// <summary>More modules than Multiboot2Info.MaxModules.</summary>
        TooManyModules,
        /// <summary>ELF section entsize is neither 64 (ELF64) nor 40 (ELF32).</summary>
        ElfEntrySizeInvalid,
        /// <summary>num * entsize section headers do not fit inside the ELF sections tag.</summary>
        ElfSectionsPastTag,
        /// <summary>An allocated section's address + size passes 2^64.</summary>
        ElfSectionOverflow,
        /// <summary>A framebuffer tag's geometry is impossible (zero size, pitch below a row, a range that wraps).</summary>
        FramebufferGeometryInvalid,
        /// <summary>An RSDP tag is shorter than the RSDP revision it holds.</summary>
        RsdpTooShort,
        /// <summary>EFI memory map descriptor_size is below 40 bytes.</summary>
        EfiMemoryMapDescriptorSizeTooSmall,
        /// <summary>EFI memory map descriptors do not fill the tag exactly.</summary>
        EfiMemoryMapSizeNotMultiple,
    }
}
