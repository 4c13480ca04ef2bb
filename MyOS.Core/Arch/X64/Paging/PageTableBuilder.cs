using MyOS.Core.Memory;
using MyOS.Core.Memory.Physical;

namespace MyOS.Core.Arch.X64.Paging
{
    /// <summary>
    /// Builds x86-64 4-level page tables (PML4 → PDPT → PD → PT) in pages taken from the page
    /// allocator (runs owned by <see cref="PageOwner.PageTables"/>), writing them through the direct map. Maps with 2 MiB pages where the
    /// virtual and physical addresses and the remaining length allow, 4 KiB pages elsewhere.
    /// Invariant: every table page it created is zeroed before its first entry is written.
    /// </summary>
    public sealed unsafe class PageTableBuilder
    {
        private const ulong Present = 1, Writable = 2, LargePage = 0x80;
        private const ulong AddressMask = 0x000FFFFFFFFFF000;
        private const ulong TwoMiB = 2 * 1024 * 1024;

        /// <summary>Where table pages come from.</summary>
        private readonly PhysicalPageAllocator _pages;
        /// <summary>Physical address of the top-level table (what CR3 gets).</summary>
        private readonly ulong _pml4;
        /// <summary>Number of table pages taken so far.</summary>
        private ulong _tablePages;
        /// <summary>False once a table page could not be allocated.</summary>
        private bool _ok = true;

        /// <summary>Starts an empty address space with tables from <paramref name="pages"/>.</summary>
        public PageTableBuilder(PhysicalPageAllocator pages)
        {
            _pages = pages;
            _pml4 = NewTable();
        }

        /// <summary>Physical address of the top-level table, for CR3.</summary>
        public ulong Root => _pml4;

        /// <summary>Pages used by the tables.</summary>
        public ulong TablePages => _tablePages;

        /// <summary>False if the page allocator ran out while building.</summary>
        public bool Succeeded => _ok && _pml4 != 0;

        /// <summary>Maps [physical, physical + length) at <paramref name="virtualAddress"/>, read-write; all three are rounded out to pages.</summary>
        public void Map(ulong virtualAddress, ulong physical, ulong length)
        {
            ulong offset = physical & (PageMath.PageSize - 1);
            ulong virt = virtualAddress - offset, phys = physical - offset;
            ulong end = (physical + length + PageMath.PageSize - 1) & ~(PageMath.PageSize - 1);
            while (phys < end && _ok)
            {
                bool large = (virt & (TwoMiB - 1)) == 0 && (phys & (TwoMiB - 1)) == 0 && end - phys >= TwoMiB;
                if (large)
                {
                    ulong* directory = Walk(virt, 2);
                    if (directory != null)
                        directory[(virt >> 21) & 511] = phys | Present | Writable | LargePage;
                    virt += TwoMiB;
                    phys += TwoMiB;
                }
                else
                {
                    ulong* table = Walk(virt, 1);
                    if (table != null)
                        table[(virt >> 12) & 511] = phys | Present | Writable;
                    virt += PageMath.PageSize;
                    phys += PageMath.PageSize;
                }
            }
        }

        /// <summary>The table at <paramref name="level"/> (1 = PT, 2 = PD) that covers <paramref name="virt"/>, created as needed.</summary>
        private ulong* Walk(ulong virt, int level)
        {
            ulong* table = Table(_pml4);
            for (int current = 4; current > level; current--)
            {
                int index = (int)(virt >> (12 + 9 * (current - 1))) & 511;
                ulong entry = table[index];
                if ((entry & Present) == 0)
                {
                    ulong next = NewTable();
                    if (next == 0)
                        return null;
                    entry = next | Present | Writable;
                    table[index] = entry;
                }
                else if ((entry & LargePage) != 0)
                {
                    // Already covered by a large page: keep it (the ranges we map never conflict).
                    return null;
                }
                table = Table(entry & AddressMask);
            }
            return table;
        }

        private ulong NewTable()
        {
            ulong page = _pages.Allocate(1, PageOwner.PageTables);
            if (page == 0)
            {
                _ok = false;
                return 0;
            }
            _tablePages++;
            ulong* table = Table(page);
            for (int i = 0; i < 512; i++)
                table[i] = 0;
            return page;
        }

        private static ulong* Table(ulong physical) => (ulong*)(AddressSpace.HhdmBase + physical);
    }
}
