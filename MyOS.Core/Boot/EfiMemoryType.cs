namespace MyOS.Core.Boot
{
    /// <summary>
    /// The EFI memory types (UEFI specification, EFI_MEMORY_TYPE) MyOS cares about, and which of
    /// them are free for the operating system once the boot loader has exited boot services.
    /// </summary>
    public static class EfiMemoryType
    {
        /// <summary>EfiLoaderCode: the boot loader's code (free after boot).</summary>
        public const uint LoaderCode = 1;
        /// <summary>EfiLoaderData: the boot loader's data, where GRUB puts the kernel and its boot information.</summary>
        public const uint LoaderData = 2;
        /// <summary>EfiBootServicesCode (free after ExitBootServices).</summary>
        public const uint BootServicesCode = 3;
        /// <summary>EfiBootServicesData (free after ExitBootServices).</summary>
        public const uint BootServicesData = 4;
        /// <summary>EfiRuntimeServicesCode: must stay mapped and untouched for the firmware's runtime services.</summary>
        public const uint RuntimeServicesCode = 5;
        /// <summary>EfiRuntimeServicesData: as RuntimeServicesCode.</summary>
        public const uint RuntimeServicesData = 6;
        /// <summary>EfiConventionalMemory: free RAM.</summary>
        public const uint Conventional = 7;

        /// <summary>True for the types that are RAM free for the operating system after boot.</summary>
        public static bool IsAvailableAfterBoot(uint type) =>
            type == LoaderCode || type == LoaderData || type == BootServicesCode || type == BootServicesData || type == Conventional;

        /// <summary>True for the firmware's runtime services code and data.</summary>
        public static bool IsRuntimeServices(uint type) => type == RuntimeServicesCode || type == RuntimeServicesData;
    }
}
