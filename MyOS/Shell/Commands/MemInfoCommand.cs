using MyOS.Core;
using MyOS.Core.Console;
using MyOS.Core.Memory;

namespace MyOS.Shell.Commands
{
    /// <summary>`meminfo`: which page allocator and heap this boot uses, and their totals.</summary>
    public sealed unsafe class MemInfoCommand : ShellCommand
    {
        public override string Name => "meminfo";
        public override string Usage => "meminfo";
        public override string Summary => "page allocator and heap totals";

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 0, 0))
                return;
            PageAllocatorStats pages = KernelMemory.Pages.GetStats();
            // Which allocators Cosmos.config (PageAllocator, Heap) chose for this boot.
            KernelConsole.WriteLine("page allocator:    " + (KernelMemory.Pages is ByteMapPageAllocator
                ? "byte map, linear scan (pages=bytemap)" : "bitmap with group summaries (pages=bitmap)"));
            KernelConsole.WriteLine("heap allocator:    " + (KernelMemory.Heap is LinearFirstFitHeap
                ? "linear first-fit list (heap=linear)" : "block allocator, AVL first fit (heap=block)"));
            KernelConsole.WriteLine("pages total:       " + Line(pages.TotalPages));
            KernelConsole.WriteLine("pages usable:      " + Line(pages.UsablePages));
            KernelConsole.WriteLine("pages free:        " + Line(pages.FreePages));
            KernelConsole.WriteLine("pages used:        " + Line(pages.UsedPages));
            KernelConsole.WriteLine("largest free run:  " + Line(pages.LargestFreeRun));
            HeapStats heap = KernelMemory.Heap.GetStats();
            KernelConsole.WriteLine("heap size:         " + Format.Decimal(heap.HeapBytes) + " bytes");
            KernelConsole.WriteLine("heap used:         " + Format.Decimal(heap.UsedBytes) + " bytes");
            KernelConsole.WriteLine("heap free:         " + Format.Decimal(heap.FreeBytes) + " bytes");
            KernelConsole.Write("heap blocks:       " + Format.Decimal(heap.UsedBlocks + heap.FreeBlocks));
            KernelConsole.WriteLine(" (" + Format.Decimal(heap.FreeBlocks) + " free)");
            KernelConsole.WriteLine("largest free block:" + " " + Format.Decimal(heap.LargestFreeBytes) + " bytes");
            KernelConsole.WriteLine("heap regions:      " + Format.Decimal(heap.Regions));
        }

        private static string Line(ulong pages) => Format.Decimal(pages) + " pages (" + Format.Bytes(pages * AddressSpace.PageSize) + ")";
    }
}
