using MyOS.Core;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Map;
using MyOS.Core.Memory.Physical;
using MyOS.Shell.Commands;

namespace MyOS.Shell
{
    /// <summary>
    /// How the shell names who holds a page: the owner of an allocated run (its label in
    /// meminfo, its phrase in pmfree's errors, its letter and colour in memmap's bar), and
    /// what a reserved page holds (a named kernel reservation, else its memory map kind).
    /// </summary>
    public static class PageOwnership
    {
        /// <summary>The owners meminfo lists, in its order.</summary>
        public static readonly PageOwner[] Listed =
        {
            PageOwner.PageTables, PageOwner.Heap, PageOwner.AllocatorMetadata,
            PageOwner.Collector, PageOwner.Kernel, PageOwner.Shell,
        };

        /// <summary>A short label: "page tables", "heap", ...</summary>
        public static string Label(PageOwner owner)
        {
            switch (owner)
            {
                case PageOwner.PageTables: return "page tables";
                case PageOwner.Heap: return "heap";
                case PageOwner.AllocatorMetadata: return "allocator metadata";
                case PageOwner.Collector: return "collector";
                case PageOwner.Kernel: return "kernel, other";
                case PageOwner.Shell: return "shell (pmalloc)";
                default: return "unknown";
            }
        }

        /// <summary>Who the owner is, for a sentence: "the kernel page tables", ...</summary>
        public static string Phrase(PageOwner owner)
        {
            switch (owner)
            {
                case PageOwner.PageTables: return "the kernel page tables";
                case PageOwner.Heap: return "the kernel heap";
                case PageOwner.AllocatorMetadata: return "the page allocator's metadata";
                case PageOwner.Collector: return "the garbage collector";
                case PageOwner.Kernel: return "the kernel";
                case PageOwner.Shell: return "the shell (pmalloc)";
                default: return "an unknown owner";
            }
        }

        /// <summary>The letter memmap's bar shows for a cell holding the owner's pages.</summary>
        public static char Mark(PageOwner owner)
        {
            switch (owner)
            {
                case PageOwner.PageTables: return 'T';
                case PageOwner.Heap: return 'H';
                case PageOwner.AllocatorMetadata: return 'M';
                case PageOwner.Collector: return 'C';
                case PageOwner.Kernel: return 'K';
                case PageOwner.Shell: return 'S';
                default: return '?';
            }
        }

        /// <summary>The colour of the owner's letter in memmap's bar.</summary>
        public static VgaColor Colour(PageOwner owner)
        {
            switch (owner)
            {
                case PageOwner.PageTables: return VgaColor.LightCyan;
                case PageOwner.Heap: return VgaColor.LightMagenta;
                case PageOwner.AllocatorMetadata: return VgaColor.LightBlue;
                case PageOwner.Shell: return VgaColor.White;
                default: return VgaColor.Yellow;
            }
        }

        /// <summary>What reserved page <paramref name="address"/> holds: "kernel image (...)", "firmware (memory map: reserved)", ...</summary>
        public static string ReservedFor(ulong address)
        {
            if (address >> PageMath.PageShift == 0)
                return "page 0 is never handed out (address 0 means failure)";
            string name = KernelBoot.Reservations.NameOf(address);
            if (name != null)
                return name;
            MemoryMap map = KernelBoot.MemoryMap;
            int index = map.FindRange(address);
            if (index < 0)
                return "no RAM there (a hole in the memory map)";
            MemoryKind kind = map[index].Kind;
            if (kind == MemoryKind.Usable)
                return "the page is shared with a region that is not usable RAM";
            return "memory map region '" + MemMapCommand.KindName(kind) + "'";
        }
    }
}
