using System.Runtime.CompilerServices;
using MyOS.Core.Memory.Map;

namespace MyOS.Core.Memory
{
    /// <summary>
    /// A window of virtual addresses through which physical memory is reached by a fixed offset:
    /// physical address p lies at <see cref="Base"/> + p, for p below <see cref="WindowBytes"/>.
    /// The kernel has two: <see cref="Kernel"/>, the higher-half direct map of all physical
    /// memory (HHDM, base 0xFFFF800000000000), and <see cref="KernelImage"/>, where the kernel
    /// image is linked; host tests make one whose base is native memory standing in for RAM.
    /// This is the one place where a <see cref="PhysicalAddress"/> becomes a
    /// <see cref="VirtualAddress"/> or a pointer, and back. Invariant: the window's last byte,
    /// Base + WindowBytes - 1, does not wrap, so both directions are exact inside the window.
    /// Which physical ranges the kernel's page tables really map in its window is <see cref="Maps"/>.
    /// </summary>
    public readonly unsafe struct DirectMap
    {
        /// <summary>
        /// Bytes from physical address 0 that the direct map always covers whole (legacy VGA,
        /// firmware and device memory live there): the boot stub maps them, KernelMemory again.
        /// </summary>
        public const ulong WholeMappedBytes = 0x100000000;

        /// <summary>Bytes of the kernel image's window: from <see cref="AddressSpace.KernelBase"/> to the top of the address space.</summary>
        private const ulong KernelImageWindowBytes = 0x80000000;

        /// <summary>A window of <paramref name="windowBytes"/> at <paramref name="baseAddress"/>, cut at the top of the address space.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public DirectMap(VirtualAddress baseAddress, ulong windowBytes)
        {
            Base = baseAddress;
            ulong room = ulong.MaxValue - baseAddress.Value;   // the window's last byte may be at most Base + room
            WindowBytes = windowBytes == 0 || windowBytes - 1 <= room ? windowBytes : room + 1;
        }

        /// <summary>The kernel's direct map of physical memory, up to where the kernel image's window begins.</summary>
        public static DirectMap Kernel
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => new DirectMap(new VirtualAddress(AddressSpace.HhdmBase), AddressSpace.KernelBase - AddressSpace.HhdmBase);
        }

        /// <summary>Where the kernel image is linked: virtual = KernelBase + physical, the top 2 GiB.</summary>
        public static DirectMap KernelImage
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => new DirectMap(new VirtualAddress(AddressSpace.KernelBase), KernelImageWindowBytes);
        }

        /// <summary>Physical addresses used as pointers unchanged (base 0): for allocators whose pages are never touched through it (benchmarks, most host tests).</summary>
        public static DirectMap Identity
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => new DirectMap(new VirtualAddress(0), ulong.MaxValue);
        }

        /// <summary>Virtual address of physical address 0.</summary>
        public VirtualAddress Base { get; }

        /// <summary>Bytes of physical address space the window spans.</summary>
        public ulong WindowBytes { get; }

        /// <summary>Where <paramref name="physical"/> lies in the window; the caller knows it is inside (see <see cref="Holds"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public VirtualAddress ToVirtual(PhysicalAddress physical) => new VirtualAddress(Base.Value + physical.Value);

        /// <summary>A pointer to the byte at <paramref name="physical"/> through the window.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public byte* ToPointer(PhysicalAddress physical) => ToVirtual(physical).ToPointer();

        /// <summary>The physical address <paramref name="virtualAddress"/> shows; false (and 0) when it lies outside the window.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryToPhysical(VirtualAddress virtualAddress, out PhysicalAddress physical)
        {
            ulong offset = virtualAddress.Value - Base.Value;
            if (virtualAddress.Value < Base.Value || offset >= WindowBytes)
            {
                physical = default;
                return false;
            }
            physical = new PhysicalAddress(offset);
            return true;
        }

        /// <summary>The physical address <paramref name="pointer"/> points at; false (and 0) when it lies outside the window.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryToPhysical(void* pointer, out PhysicalAddress physical) => TryToPhysical(VirtualAddress.Of(pointer), out physical);

        /// <summary>True when [physical, physical + length) lies inside the window (whether or not page tables map it).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Holds(PhysicalAddress physical, ulong length) =>
            physical.Value <= WindowBytes && length <= WindowBytes - physical.Value;

        /// <summary>
        /// True when the kernel's page tables map [physical, physical + length) in the direct map:
        /// it lies in the window, and either below <see cref="WholeMappedBytes"/> or, for the
        /// part above, inside one range of <paramref name="map"/> of a kind
        /// <see cref="MapsAboveWholeMapped"/> names. KernelMemory builds the tables by the same rule.
        /// </summary>
        public bool Maps(MemoryMap map, PhysicalAddress physical, ulong length)
        {
            if (!Holds(physical, length))
            {
                return false;
            }
            ulong end = physical.Value + length;
            if (end <= WholeMappedBytes)
            {
                return true;
            }
            int index = map.FindRange(physical.Value < WholeMappedBytes ? WholeMappedBytes : physical.Value);
            if (index < 0)
            {
                return false;
            }
            MemoryRange range = map[index];
            return MapsAboveWholeMapped(range.Kind) && range.End >= end;
        }

        /// <summary>
        /// Whether the kernel maps a range of <paramref name="kind"/> that lies above
        /// <see cref="WholeMappedBytes"/>: RAM, ACPI tables, the kernel's own memory and the
        /// framebuffer (a PCI BAR above 4 GiB on some machines); never device holes or firmware-reserved memory.
        /// </summary>
        public static bool MapsAboveWholeMapped(MemoryKind kind) =>
            kind == MemoryKind.Usable || kind == MemoryKind.AcpiReclaimable || kind == MemoryKind.Kernel || kind == MemoryKind.Framebuffer;
    }
}
