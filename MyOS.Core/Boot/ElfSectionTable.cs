using MyOS.Core.Memory.Map;


namespace MyOS.Core.Boot
{
    /// <summary>
    /// Reads the ELF sections tag (type 9: u32 num, u32 entsize, u32 shndx, then num section
    /// headers) and derives the kernel image's extent from the sections marked SHF_ALLOC, the
    /// ones that occupy memory at run time (.text, .rodata, .data, .bss, ...).
    /// Invariant: only headers inside the tag are read (num * entsize is checked first).
    /// </summary>
    internal static unsafe class ElfSectionTable
    {
        private const uint TagFixedSize = 20;        // tag header + num + entsize + shndx
        private const uint Elf64HeaderSize = 64;
        private const uint Elf32HeaderSize = 40;
        private const ulong ShfAlloc = 0x2;          // section occupies memory during execution

        /// <summary>
        /// Fills result's kernel extent from the tag. Sections linked at or above
        /// kernelVirtualBase are translated to physical by subtracting it; lower ones (a boot
        /// stub linked at its physical address) are taken as physical already.
        /// shndx (the section-name string table) is not needed and not checked.
        /// </summary>
        internal static BootInfoErrorReason Read(byte* tag, uint size, ulong kernelVirtualBase, Multiboot2Info result)
        {
            if (size < TagFixedSize)
                return BootInfoErrorReason.TagTooSmall;
            if (result.HasElfSections)
                return BootInfoErrorReason.DuplicateTag;
            uint count = *(uint*)(tag + 8);
            uint entrySize = *(uint*)(tag + 12);
            result.HasElfSections = true;
            if (count == 0)
                return BootInfoErrorReason.None;
            if (entrySize != Elf64HeaderSize && entrySize != Elf32HeaderSize)
                return BootInfoErrorReason.ElfEntrySizeInvalid;
            if ((ulong)count * entrySize > size - TagFixedSize)
                return BootInfoErrorReason.ElfSectionsPastTag;

            bool found = false;
            ulong linkedLow = ulong.MaxValue, linkedHigh = 0;
            ulong physicalLow = ulong.MaxValue, physicalHigh = 0;
            for (uint i = 0; i < count; i++)
            {
                byte* header = tag + TagFixedSize + (ulong)i * entrySize;
                ulong flags, address, length;
                if (entrySize == Elf64HeaderSize)
                {
                    flags = *(ulong*)(header + 8);
                    address = *(ulong*)(header + 16);
                    length = *(ulong*)(header + 32);
                }
                else
                {
                    flags = *(uint*)(header + 8);
                    address = *(uint*)(header + 12);
                    length = *(uint*)(header + 20);
                }
                if ((flags & ShfAlloc) == 0 || length == 0)
                    continue;
                if (length > ulong.MaxValue - address)
                    return BootInfoErrorReason.ElfSectionOverflow;

                ulong physical = address >= kernelVirtualBase ? address - kernelVirtualBase : address;
                found = true;
                if (address < linkedLow) linkedLow = address;
                if (address + length > linkedHigh) linkedHigh = address + length;
                if (physical < physicalLow) physicalLow = physical;
                if (physical + length > physicalHigh) physicalHigh = physical + length;
            }

            if (found)
            {
                result.HasKernelImage = true;
                result.KernelLinkedStart = linkedLow;
                result.KernelLinkedEnd = linkedHigh;
                result.KernelImage = new MemoryRange(physicalLow, physicalHigh - physicalLow, MemoryKind.Kernel);
            }
            return BootInfoErrorReason.None;
        }
    }
}
