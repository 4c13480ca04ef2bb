using MyOS.Core.Memory;
using MyOS.Core.Memory.Map;

namespace MyOS.Core.Acpi
{
    /// <summary>
    /// The kernel's <see cref="IAcpiMemory"/>: physical memory through the direct map. Readable is
    /// what the kernel's page tables map there: the first 4 GiB whole, and above it the regions of
    /// the memory map that KernelMemory maps (ACPI tables live in ACPI or reserved memory, almost
    /// always below 4 GiB).
    /// </summary>
    public sealed unsafe class DirectMapAcpiMemory : IAcpiMemory
    {
        private const ulong FourGiB = 0x100000000;
        private readonly MemoryMap _map;

        /// <summary>Reads through the direct map; <paramref name="map"/> says what is mapped above 4 GiB.</summary>
        public DirectMapAcpiMemory(MemoryMap map) => _map = map;

        /// <inheritdoc/>
        public byte* Map(ulong physical, ulong length)
        {
            if (length > FourGiB || physical > ulong.MaxValue - length)
                return null;
            ulong end = physical + length;
            if (end > FourGiB)
            {
                int index = _map.FindRange(physical < FourGiB ? FourGiB : physical);
                if (index < 0)
                    return null;
                MemoryRange region = _map[index];
                bool mapped = region.Kind == MemoryKind.Usable || region.Kind == MemoryKind.AcpiReclaimable || region.Kind == MemoryKind.Kernel;
                if (!mapped || region.End < end)
                    return null;
            }
            return (byte*)(AddressSpace.HhdmBase + physical);
        }
    }
}
