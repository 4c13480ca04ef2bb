using MyOS.Core.Memory;
using MyOS.Core.Memory.Physical;

namespace MyOS.Core.Arch.X64.Paging
{
    /// <summary>
    /// Builds x86-64 4-level page tables (PML4 → PDPT → PD → PT, in the format of
    /// <see cref="PageTables"/>) in pages taken from the page allocator (runs owned by
    /// <see cref="PageOwner.PageTables"/>), writing them through a direct map (the kernel's, or
    /// native memory in host tests). Maps with 2 MiB pages where the virtual and physical
    /// addresses and the remaining length allow, 4 KiB pages elsewhere.
    /// Invariant: every table page it created is zeroed before its first entry is written.
    /// </summary>
    public sealed unsafe class PageTableBuilder
    {
        private const ulong TwoMiB = 2 * 1024 * 1024;

        /// <summary>Where table pages come from.</summary>
        private readonly PhysicalPageAllocator _pages;
        /// <summary>The window through which table pages are written.</summary>
        private readonly DirectMap _directMap;
        /// <summary>Physical address of the top-level table (what CR3 gets); null when it could not be allocated.</summary>
        private readonly PhysicalAddress _pml4;
        /// <summary>Number of table pages taken so far.</summary>
        private ulong _tablePages;
        /// <summary>False once a table page could not be allocated.</summary>
        private bool _ok = true;

        /// <summary>Starts an empty address space with tables from <paramref name="pages"/>, written through <paramref name="directMap"/>.</summary>
        public PageTableBuilder(PhysicalPageAllocator pages, DirectMap directMap)
        {
            _pages = pages;
            _directMap = directMap;
            _pml4 = NewTable();
        }

        /// <summary>Physical address of the top-level table, for CR3.</summary>
        public PhysicalAddress Root => _pml4;

        /// <summary>Pages used by the tables.</summary>
        public ulong TablePages => _tablePages;

        /// <summary>False if the page allocator ran out while building.</summary>
        public bool Succeeded => _ok && !_pml4.IsNull;

        /// <summary>Maps [physical, physical + length) at <paramref name="virtualAddress"/>, read-write; all three are rounded out to pages.</summary>
        public void Map(VirtualAddress virtualAddress, PhysicalAddress physical, ulong length)
        {
            ulong offset = physical.Value & (PageMath.PageSize - 1);
            ulong virt = virtualAddress.Value - offset, phys = physical.Value - offset;
            ulong end = (physical.Value + length + PageMath.PageSize - 1) & ~(PageMath.PageSize - 1);
            while (phys < end && _ok)
            {
                bool large = (virt & (TwoMiB - 1)) == 0 && (phys & (TwoMiB - 1)) == 0 && end - phys >= TwoMiB;
                if (large)
                {
                    ulong* directory = Walk(virt, 2);
                    if (directory != null)
                        directory[(virt >> PageTables.IndexShift(2)) & 511] = phys | PageTables.Present | PageTables.Writable | PageTables.LargePage;
                    virt += TwoMiB;
                    phys += TwoMiB;
                }
                else
                {
                    ulong* table = Walk(virt, 1);
                    if (table != null)
                        table[(virt >> PageTables.IndexShift(1)) & 511] = phys | PageTables.Present | PageTables.Writable;
                    virt += PageMath.PageSize;
                    phys += PageMath.PageSize;
                }
            }
        }

        /// <summary>Maps [physical, physical + length) where <paramref name="window"/> puts it: the direct map, or the kernel image's window.</summary>
        public void Map(DirectMap window, PhysicalAddress physical, ulong length) => Map(window.ToVirtual(physical), physical, length);

        /// <summary>The table at <paramref name="level"/> (1 = PT, 2 = PD) that covers <paramref name="virt"/>, created as needed.</summary>
        private ulong* Walk(ulong virt, int level)
        {
            ulong* table = PageTables.Entries(_directMap, _pml4);
            for (int current = 4; current > level; current--)
            {
                int index = (int)(virt >> PageTables.IndexShift(current)) & 511;
                ulong entry = table[index];
                if ((entry & PageTables.Present) == 0)
                {
                    PhysicalAddress next = NewTable();
                    if (next.IsNull)
                        return null;
                    entry = next.Value | PageTables.Present | PageTables.Writable;
                    table[index] = entry;
                }
                else if ((entry & PageTables.LargePage) != 0)
                {
                    // Already covered by a large page: keep it (the ranges we map never conflict).
                    return null;
                }
                table = PageTables.Entries(_directMap, new PhysicalAddress(entry & PageTables.AddressMask));
            }
            return table;
        }

        /// <summary>A zeroed table page from the allocator, or the null address when it has none.</summary>
        private PhysicalAddress NewTable()
        {
            PhysicalAddress page = new PhysicalAddress(_pages.Allocate(1, PageOwner.PageTables));
            if (page.IsNull)
            {
                _ok = false;
                return page;
            }
            _tablePages++;
            ulong* table = PageTables.Entries(_directMap, page);
            for (int i = 0; i < 512; i++)
                table[i] = 0;
            return page;
        }
    }
}
