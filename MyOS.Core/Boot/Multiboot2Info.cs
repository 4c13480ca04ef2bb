using MyOS.Core.Memory.Map;

namespace MyOS.Core.Boot
{
    /// <summary>
    /// What Multiboot2Parser found in the boot information, held in fixed-capacity arrays
    /// allocated once in the constructor, so parsing never allocates. Pointers (command line,
    /// names, module strings) point into the boot information itself: keep it reserved.
    /// Invariant: every field is meaningful only while IsValid is true.
    /// </summary>
    public sealed unsafe class Multiboot2Info
    {
        /// <summary>Memory map entries kept; more is a TooManyMemoryMapEntries error.</summary>
        public const int MaxMemoryEntries = 256;
        /// <summary>Modules kept; more is a TooManyModules error.</summary>
        public const int MaxModules = 32;

        // Entries [0, _memoryCount) and [0, _moduleCount) are filled; the rest is stale.
        private readonly Multiboot2MemoryEntry[] _memory;
        private readonly Multiboot2Module[] _modules;
        private int _memoryCount;
        private int _moduleCount;
        // False until a Parse call succeeded; a failed parse clears it again.
        private bool _parsed;
        // The EFI memory map's descriptors inside the boot information (null if absent).
        private byte* _efiMap;
        private int _efiMapCount;
        private uint _efiDescriptorSize;

        /// <summary>Allocates the fixed-capacity arrays; the object is reused across parses.</summary>
        public Multiboot2Info()
        {
            _memory = new Multiboot2MemoryEntry[MaxMemoryEntries];
            _modules = new Multiboot2Module[MaxModules];
        }

        /// <summary>The result of the last parse (Reason None on success).</summary>
        public BootInfoError Error { get; private set; }
        /// <summary>True when the last parse succeeded.</summary>
        public bool IsValid => _parsed && Error.IsOk;
        /// <summary>total_size from the header: bytes the structure occupies (reserve them).</summary>
        public uint TotalSize { get; internal set; }

        /// <summary>True when a basic memory information tag (type 4) was present.</summary>
        public bool HasBasicMemoryInfo { get; internal set; }
        /// <summary>KiB of lower memory starting at address 0 (at most 640).</summary>
        public uint MemoryLowerKiB { get; internal set; }
        /// <summary>KiB of upper memory starting at 1 MiB, up to the first hole.</summary>
        public uint MemoryUpperKiB { get; internal set; }

        /// <summary>True when a memory map tag (type 6) was present.</summary>
        public bool HasMemoryMap { get; internal set; }
        /// <summary>Number of memory map entries, all types included.</summary>
        public int MemoryEntryCount => _memoryCount;

        /// <summary>True when a command line tag (type 1) was present.</summary>
        public bool HasCommandLine { get; internal set; }
        /// <summary>First byte of the kernel command line (null if absent).</summary>
        public byte* CommandLine { get; internal set; }
        /// <summary>Bytes in the command line, without the NUL.</summary>
        public int CommandLineLength { get; internal set; }

        /// <summary>True when a boot loader name tag (type 2) was present.</summary>
        public bool HasBootLoaderName { get; internal set; }
        /// <summary>First byte of the boot loader name (null if absent).</summary>
        public byte* BootLoaderName { get; internal set; }
        /// <summary>Bytes in the boot loader name, without the NUL.</summary>
        public int BootLoaderNameLength { get; internal set; }

        /// <summary>Number of boot modules.</summary>
        public int ModuleCount => _moduleCount;

        /// <summary>True when an ELF sections tag (type 9) was present.</summary>
        public bool HasElfSections { get; internal set; }
        /// <summary>True when the ELF sections tag held at least one allocated, non-empty section.</summary>
        public bool HasKernelImage { get; internal set; }
        /// <summary>Lowest sh_addr of the allocated sections, as linked (may be a higher-half address).</summary>
        public ulong KernelLinkedStart { get; internal set; }
        /// <summary>Highest sh_addr + sh_size of the allocated sections, as linked.</summary>
        public ulong KernelLinkedEnd { get; internal set; }
        /// <summary>Physical extent of the kernel image (Kind Kernel): sections translated with the
        /// kernelVirtualBase given to Parse, unaligned; pass it to MemoryMap.Reserve.</summary>
        public MemoryRange KernelImage { get; internal set; }

        /// <summary>True when an image load base tag (type 21) was present.</summary>
        public bool HasLoadBase { get; internal set; }
        /// <summary>Physical address the boot loader loaded the image at.</summary>
        public ulong LoadBase { get; internal set; }

        /// <summary>The first optional firmware tag that was malformed and skipped (Reason None if none was).</summary>
        public BootInfoError IgnoredTag { get; internal set; }

        /// <summary>True when a well-formed framebuffer tag (type 8) was present.</summary>
        public bool HasFramebuffer { get; internal set; }
        /// <summary>The framebuffer the boot loader set up; meaningful when HasFramebuffer.</summary>
        public FramebufferInfo Framebuffer { get; internal set; }

        /// <summary>True when an EFI 64-bit system table tag (type 12) was present: the machine booted through UEFI.</summary>
        public bool HasEfiSystemTable { get; internal set; }
        /// <summary>Physical address of the EFI system table.</summary>
        public ulong EfiSystemTable { get; internal set; }

        /// <summary>GRUB's copy of the ACPI 1.0 RSDP (tag 14), inside the boot information; null if absent.</summary>
        public byte* OldRsdp { get; internal set; }
        /// <summary>Bytes in <see cref="OldRsdp"/> (at least 20).</summary>
        public uint OldRsdpLength { get; internal set; }
        /// <summary>GRUB's copy of the ACPI 2.0+ RSDP (tag 15), inside the boot information; null if absent.</summary>
        public byte* NewRsdp { get; internal set; }
        /// <summary>Bytes in <see cref="NewRsdp"/> (at least 36).</summary>
        public uint NewRsdpLength { get; internal set; }

        /// <summary>True when a well-formed EFI memory map tag (type 17) was present.</summary>
        public bool HasEfiMemoryMap => _efiMap != null;
        /// <summary>Number of EFI memory descriptors.</summary>
        public int EfiMemoryDescriptorCount => _efiMapCount;

        /// <summary>EFI memory descriptor i; an empty one if i is out of range.</summary>
        public EfiMemoryDescriptor GetEfiMemoryDescriptor(int i)
        {
            if (i < 0 || i >= _efiMapCount)
                return default(EfiMemoryDescriptor);
            return Multiboot2FirmwareTags.Descriptor(_efiMap, _efiDescriptorSize, i);
        }

        /// <summary>Memory map entry i exactly as reported; an empty entry if i is out of range.</summary>
        public Multiboot2MemoryEntry GetMemoryEntry(int i)
        {
            if (i < 0 || i >= _memoryCount)
                return default(Multiboot2MemoryEntry);
            return _memory[i];
        }

        /// <summary>Memory map entry i as a MemoryRange (type translated by Multiboot2MemoryType).</summary>
        public MemoryRange GetMemoryRegion(int i)
        {
            Multiboot2MemoryEntry e = GetMemoryEntry(i);
            return new MemoryRange(e.Base, e.Length, Multiboot2MemoryType.ToRegionKind(e.Type));
        }

        /// <summary>Module i; an empty module if i is out of range.</summary>
        public Multiboot2Module GetModule(int i)
        {
            if (i < 0 || i >= _moduleCount)
                return default(Multiboot2Module);
            return _modules[i];
        }

        /// <summary>Forgets everything from an earlier parse.</summary>
        internal void Reset()
        {
            _memoryCount = 0;
            _moduleCount = 0;
            _parsed = false;
            Error = default(BootInfoError);
            TotalSize = 0;
            HasBasicMemoryInfo = false;
            MemoryLowerKiB = 0;
            MemoryUpperKiB = 0;
            HasMemoryMap = false;
            HasCommandLine = false;
            CommandLine = null;
            CommandLineLength = 0;
            HasBootLoaderName = false;
            BootLoaderName = null;
            BootLoaderNameLength = 0;
            HasElfSections = false;
            HasKernelImage = false;
            KernelLinkedStart = 0;
            KernelLinkedEnd = 0;
            KernelImage = default(MemoryRange);
            HasLoadBase = false;
            LoadBase = 0;
            IgnoredTag = default(BootInfoError);
            HasFramebuffer = false;
            Framebuffer = default(FramebufferInfo);
            HasEfiSystemTable = false;
            EfiSystemTable = 0;
            OldRsdp = null;
            OldRsdpLength = 0;
            NewRsdp = null;
            NewRsdpLength = 0;
            _efiMap = null;
            _efiMapCount = 0;
            _efiDescriptorSize = 0;
        }

        /// <summary>Records the EFI memory map's descriptors (bounds checked by the caller).</summary>
        internal void SetEfiMemoryMap(byte* first, int count, uint descriptorSize)
        {
            _efiMap = first;
            _efiMapCount = count;
            _efiDescriptorSize = descriptorSize;
        }

        /// <summary>Records the parse outcome; only a success makes IsValid true.</summary>
        internal void Finish(BootInfoError error)
        {
            Error = error;
            _parsed = error.IsOk;
        }

        /// <summary>Appends a memory map entry; false when the array is full.</summary>
        internal bool AddMemoryEntry(Multiboot2MemoryEntry entry)
        {
            if (_memoryCount >= MaxMemoryEntries)
                return false;
            _memory[_memoryCount] = entry;
            _memoryCount++;
            return true;
        }

        /// <summary>Appends a module; false when the array is full.</summary>
        internal bool AddModule(Multiboot2Module module)
        {
            if (_moduleCount >= MaxModules)
                return false;
            _modules[_moduleCount] = module;
            _moduleCount++;
            return true;
        }
    }
}
