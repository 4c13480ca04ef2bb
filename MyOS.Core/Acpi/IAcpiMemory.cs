namespace MyOS.Core.Acpi
{
    /// <summary>
    /// Physical memory as the ACPI parser sees it: a range is either readable through a pointer
    /// or not at all. The kernel answers through the direct map (<see cref="DirectMapAcpiMemory"/>);
    /// host tests answer from a buffer holding synthetic tables.
    /// </summary>
    public unsafe interface IAcpiMemory
    {
        /// <summary>A pointer to [physical, physical + length), or null when any of it cannot be read.</summary>
        byte* Map(ulong physical, ulong length);
    }
}
