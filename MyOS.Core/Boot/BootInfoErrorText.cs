namespace MyOS.Core.Boot
{
    /// <summary>One-line English descriptions of boot-information errors, for panic reports and the shell.</summary>
    public static class BootInfoErrorText
    {
        /// <summary>What <paramref name="reason"/> means.</summary>
        public static string Describe(BootInfoErrorReason reason)
        {
            switch (reason)
            {
                case BootInfoErrorReason.None: return "no error";
                case BootInfoErrorReason.NullPointer: return "the boot information pointer is null";
                case BootInfoErrorReason.MisalignedPointer: return "the boot information pointer is not 8-byte aligned";
                case BootInfoErrorReason.HeaderNotReadable: return "the header cannot be read";
                case BootInfoErrorReason.TotalSizeTooSmall: return "total_size is too small";
                case BootInfoErrorReason.TotalSizeTooLarge: return "total_size is too large";
                case BootInfoErrorReason.TagTooSmall: return "a tag is smaller than its fields";
                case BootInfoErrorReason.TagPastEnd: return "a tag runs past the end of the structure";
                case BootInfoErrorReason.MissingEndTag: return "there is no end tag";
                case BootInfoErrorReason.EndTagSizeInvalid: return "the end tag's size is not 8";
                case BootInfoErrorReason.DuplicateTag: return "a tag that may appear once appears twice";
                case BootInfoErrorReason.StringNotTerminated: return "a string has no terminating NUL inside its tag";
                case BootInfoErrorReason.MemoryMapEntrySizeTooSmall: return "memory map entry_size is below 24";
                case BootInfoErrorReason.MemoryMapSizeNotMultiple: return "memory map size is not a multiple of entry_size";
                case BootInfoErrorReason.TooManyMemoryMapEntries: return "the memory map has too many entries";
                case BootInfoErrorReason.MemoryMapEntryOverflow: return "a memory map entry wraps past 2^64";
                case BootInfoErrorReason.ModuleRangeInvalid: return "a module ends before it starts";
                case BootInfoErrorReason.TooManyModules: return "there are too many modules";
                case BootInfoErrorReason.ElfEntrySizeInvalid: return "ELF section entry size is neither 40 nor 64";
                case BootInfoErrorReason.ElfSectionsPastTag: return "ELF section headers run past their tag";
                case BootInfoErrorReason.ElfSectionOverflow: return "an ELF section's address range wraps";
                case BootInfoErrorReason.FramebufferGeometryInvalid: return "the framebuffer's size, pitch or address range is impossible";
                case BootInfoErrorReason.RsdpTooShort: return "the ACPI RSDP copy is shorter than its revision needs";
                case BootInfoErrorReason.EfiMemoryMapDescriptorSizeTooSmall: return "EFI memory map descriptor_size is below 40";
                case BootInfoErrorReason.EfiMemoryMapSizeNotMultiple: return "EFI memory map size is not a multiple of descriptor_size";
                default: return "unknown error";
            }
        }
    }
}
