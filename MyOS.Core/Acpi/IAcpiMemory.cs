using MyOS.Core.Memory;

namespace MyOS.Core.Acpi
{
    /// <summary>
    /// Physical memory as the ACPI parser sees it: a range is either readable through a pointer
    /// or not at all. The parser reads table addresses as the firmware wrote them (numbers) and
    /// names them as physical here, where it asks for their bytes. The kernel answers through the direct map (<see cref="DirectMapAcpiMemory"/>);
    /// host tests answer from a buffer holding synthetic tables.
    /// </summary>
    public unsafe interface IAcpiMemory
    {
        /// <summary>A pointer to [physical, physical + length), or null when any of it cannot be read.</summary>
        byte* Map(PhysicalAddress physical, ulong length);
    }
}
