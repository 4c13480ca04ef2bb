using MyOS.Core.Memory;
using MyOS.Core.Memory.Map;

namespace MyOS.Core.Acpi
{
    /// <summary>
    /// The kernel's <see cref="IAcpiMemory"/>: physical memory through a direct map. Readable is
    /// what the kernel's page tables map there (<see cref="DirectMap.Maps"/>): the first 4 GiB
    /// whole, and above it the ranges of the memory map that KernelMemory maps (ACPI tables live
    /// in ACPI or reserved memory, almost always below 4 GiB).
    /// </summary>
    public sealed unsafe class DirectMapAcpiMemory : IAcpiMemory
    {
        /// <summary>Says what the page tables map above 4 GiB.</summary>
        private readonly MemoryMap _map;
        /// <summary>The window the bytes are read through: the kernel's direct map, or native memory in host tests.</summary>
        private readonly DirectMap _directMap;

        /// <summary>Reads through <paramref name="directMap"/>; <paramref name="map"/> says what is mapped above 4 GiB.</summary>
        public DirectMapAcpiMemory(MemoryMap map, DirectMap directMap)
        {
            _map = map;
            _directMap = directMap;
        }

        /// <inheritdoc/>
        public byte* Map(PhysicalAddress physical, ulong length)
        {
            return _directMap.Maps(_map, physical, length) ? _directMap.ToPointer(physical) : null;
        }
    }
}
