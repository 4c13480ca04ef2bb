namespace MyOS.Core.Memory
{
    /// <summary>
    /// Where things live in MyOS's virtual address space. All physical memory is mapped at
    /// <see cref="HhdmBase"/> (the higher-half direct map, as the Limine protocol does it), and
    /// the kernel image is linked at <see cref="KernelBase"/> + its physical address.
    /// </summary>
    public static class AddressSpace
    {
        /// <summary>Virtual address of physical address 0 in the direct map.</summary>
        public const ulong HhdmBase = 0xFFFF800000000000;
        /// <summary>Virtual address the kernel image is linked at, minus its physical address.</summary>
        public const ulong KernelBase = 0xFFFFFFFF80000000;
    }
}
