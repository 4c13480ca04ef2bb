using MyOS.Core.Memory;

namespace MyOS.Core.Arch.X64.Paging
{
    /// <summary>
    /// x86-64 4-level page tables as the CPU reads them: the entry bits MyOS uses and the walk
    /// from a root table (what CR3 holds) to the physical address a virtual address translates
    /// to. Tables are read through a <see cref="DirectMap"/>, so host tests walk tables built in
    /// native memory. Level 4 is the PML4, 1 the page table; each table is 512 8-byte entries.
    /// </summary>
    public static unsafe class PageTables
    {
        /// <summary>Entry bit: the entry maps something.</summary>
        public const ulong Present = 1;
        /// <summary>Entry bit: writes are allowed.</summary>
        public const ulong Writable = 2;
        /// <summary>Entry bit in a level-3 or level-2 entry: it maps a 1 GiB or 2 MiB page instead of pointing to a table.</summary>
        public const ulong LargePage = 0x80;
        /// <summary>The bits of an entry that hold a physical address (a table's or a page's).</summary>
        public const ulong AddressMask = 0x000FFFFFFFFFF000;

        /// <summary>Bit position of the lowest virtual-address bit that indexes a table at <paramref name="level"/>.</summary>
        public static int IndexShift(int level) => 12 + 9 * (level - 1);

        /// <summary>The table (512 entries) at physical <paramref name="table"/>, through <paramref name="directMap"/>.</summary>
        public static ulong* Entries(DirectMap directMap, PhysicalAddress table) => (ulong*)directMap.ToPointer(table);

        /// <summary>
        /// The physical address <paramref name="virtualAddress"/> translates to under the tables
        /// rooted at <paramref name="root"/>: false when no page maps it.
        /// </summary>
        public static bool TryTranslate(DirectMap directMap, PhysicalAddress root, VirtualAddress virtualAddress, out PhysicalAddress physical)
        {
            ulong table = root.Value & AddressMask;
            for (int level = 4; level >= 1; level--)
            {
                int shift = IndexShift(level);
                ulong entry = Entries(directMap, new PhysicalAddress(table))[(virtualAddress.Value >> shift) & 511];
                if ((entry & Present) == 0)
                {
                    break;
                }
                if (level == 1 || (level <= 3 && (entry & LargePage) != 0))
                {
                    ulong size = 1UL << shift;
                    physical = new PhysicalAddress((entry & AddressMask & ~(size - 1)) + (virtualAddress.Value & (size - 1)));
                    return true;
                }
                table = entry & AddressMask;
            }
            physical = default;
            return false;
        }
    }
}
