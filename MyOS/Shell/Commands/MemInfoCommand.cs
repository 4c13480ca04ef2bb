using MyOS.Core;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Console;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Heap;
using MyOS.Core.Memory.Physical;
using MyOS.Runtime.Collector;

namespace MyOS.Shell.Commands
{
    /// <summary>`meminfo`: which page allocator and heap this boot uses, their totals, the used pages by owner, and the garbage collector's totals.</summary>
    public sealed unsafe class MemInfoCommand : ShellCommand
    {
        public override string Name => "meminfo";
        public override string Usage => "meminfo";
        public override string Summary => "page allocator and heap totals, pages by owner";

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 0, 0))
                return;
            PageAllocatorStats pages = KernelMemory.Pages.GetStats();
            // Which allocators Cosmos.config (PageAllocator, Heap) chose for this boot.
            KernelConsole.WriteLine("page allocator:    " + (KernelMemory.Pages is ByteMapPageAllocator
                ? "byte map, linear scan (pages=bytemap)" : "bitmap with group summaries (pages=bitmap)"));
            KernelConsole.WriteLine("heap allocator:    " + (KernelMemory.Heap is LinearFirstFitHeap
                ? "linear first-fit list (heap=linear)" : "block allocator, chunked first fit (heap=block)"));
            KernelConsole.WriteLine("pages total:       " + Line(pages.TotalPages));
            KernelConsole.WriteLine("pages usable:      " + Line(pages.UsablePages));
            KernelConsole.WriteLine("pages free:        " + Line(pages.FreePages));
            KernelConsole.WriteLine("pages used:        " + Line(pages.UsedPages));
            KernelConsole.WriteLine("largest free run:  " + Line(pages.LargestFreeRun));
            WriteOwners();
            HeapStats heap = KernelMemory.Heap.GetStats();
            KernelConsole.WriteLine("heap size:         " + Format.Decimal(heap.HeapBytes) + " bytes");
            KernelConsole.WriteLine("heap used:         " + Format.Decimal(heap.UsedBytes) + " bytes");
            KernelConsole.WriteLine("heap free:         " + Format.Decimal(heap.FreeBytes) + " bytes");
            KernelConsole.Write("heap blocks:       " + Format.Decimal(heap.UsedBlocks + heap.FreeBlocks));
            KernelConsole.WriteLine(" (" + Format.Decimal(heap.FreeBlocks) + " free)");
            KernelConsole.WriteLine("largest free block:" + " " + Format.Decimal(heap.LargestFreeBytes) + " bytes");
            KernelConsole.WriteLine("heap regions:      " + Format.Decimal(heap.Regions));
            WriteCollector();
        }

        /// <summary>The garbage collector's totals: collections, what the last one kept, its pauses.</summary>
        private static void WriteCollector()
        {
            CollectionStatistics gc = GarbageCollector.Statistics;
            string stress = GarbageCollector.StressInterval == 0 ? "" : " (gcstress=" + Format.Decimal(GarbageCollector.StressInterval) + ")";
            KernelConsole.WriteLine("collections:       " + Format.Decimal(gc.Collections) + stress);
            KernelConsole.WriteLine("live after last:   " + Format.Decimal(gc.BytesAfter) + " bytes in " + Format.Decimal(gc.ObjectsAfter) + " objects");
            KernelConsole.WriteLine("allocated since:   " + Format.Decimal(gc.AllocatedSinceLast) + " bytes");
            KernelConsole.WriteLine("gc pause:          last " + Format.Decimal(gc.LastPauseMicroseconds) + " us, longest "
                + Format.Decimal(gc.LongestPauseMicroseconds) + " us");
            KernelConsole.WriteLine("finalizers:        " + Format.Decimal(gc.FinalizersRun) + " run, " + Format.Decimal(gc.PendingFinalizers) + " pending");
        }

        /// <summary>
        /// Used pages by owner, one line each with the owner's lowest run, and the page-table
        /// root CR3 holds. The owners' pages add up to "pages used".
        /// </summary>
        private static void WriteOwners()
        {
            ulong[] pagesByOwner = new ulong[PhysicalPageAllocator.OwnerCount];
            ulong[] lowestRun = new ulong[PhysicalPageAllocator.OwnerCount];
            KernelMemory.Pages.CountPagesByOwner(pagesByOwner, lowestRun);
            KernelConsole.WriteLine("pages by owner:");
            for (int i = 0; i < PageOwnership.Listed.Length; i++)
            {
                PageOwner owner = PageOwnership.Listed[i];
                string label = "  " + PageOwnership.Label(owner) + ":";
                while (label.Length < 23)
                    label += " ";
                ulong count = pagesByOwner[(int)owner];
                KernelConsole.WriteLine(label + Line(count) + (count == 0 ? "" : ", lowest run at " + Format.Hex(lowestRun[(int)owner])));
            }
            KernelConsole.WriteLine("page table root:   " + Format.Hex(Cpu.ReadCr3().Value) + " (CR3)");
        }

        private static string Line(ulong pages) => Format.Decimal(pages) + " pages (" + Format.Bytes(pages * PageMath.PageSize) + ")";
    }
}
