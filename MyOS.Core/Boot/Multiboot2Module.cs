namespace MyOS.Core.Boot
{
    /// <summary>
    /// A boot module GRUB loaded into memory: its physical range and its command-line string.
    /// The string points into the boot information, so that structure must stay reserved.
    /// </summary>
    public unsafe struct Multiboot2Module
    {
        /// <summary>Physical address of the first byte.</summary>
        public ulong Start;
        /// <summary>Physical address one past the last byte (GRUB writes start + size).</summary>
        public ulong End;
        /// <summary>First byte of the module string: StringLength bytes, then a NUL.</summary>
        public byte* String;
        /// <summary>Bytes in the module string, without the NUL.</summary>
        public int StringLength;
    }
}
