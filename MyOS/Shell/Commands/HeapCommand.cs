using MyOS.Core;
using MyOS.Core.Console;
using MyOS.Core.Memory.Heap;

namespace MyOS.Shell.Commands
{
    /// <summary>`heap`: list the heap blocks, or run the heap check</summary>
    public sealed unsafe class HeapCommand : ShellCommand
    {
        public override string Name => "heap";
        public override string Usage => "heap [check|used]";
        public override string Summary => "list the heap blocks, run the heap check, or list the used non-object blocks";

        /// <summary>Blocks listed before the rest is summarised.</summary>
        private const int MaxListed = 40;

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 0, 1))
                return;
            HeapAllocator heap = KernelMemory.Heap;
            if (count == 2)
            {
                if (words[1] == "used")
                {
                    ListUsedNonObjectBlocks(heap);
                    return;
                }
                if (words[1] != "check")
                {
                    Error("unknown argument '" + words[1] + "'; usage: " + Usage);
                    return;
                }
                HeapCheckResult check = heap.Check();
                if (check.IsOk)
                    KernelConsole.WriteLine("heap check: ok (" + Format.Decimal(heap.GetStats().UsedBlocks + heap.GetStats().FreeBlocks) + " blocks)");
                else
                    Error("heap check failed at " + Format.Hex(check.Address) + ": problem " + Format.Decimal((ulong)check.Status));
                return;
            }
            HeapBlockIterator blocks = heap.GetBlocks();
            ulong listed = 0, rest = 0, restBytes = 0;
            while (blocks.MoveNext())
            {
                HeapBlockInfo block = blocks.Current;
                if (listed < MaxListed)
                {
                    listed++;
                    KernelConsole.Write(Format.Hex((ulong)block.Payload) + "  " + Format.Decimal(block.BlockBytes) + " bytes  ");
                    KernelConsole.WriteLine(block.IsFree ? "free" : block.IsManaged ? "used (object)" : "used");
                }
                else
                {
                    rest++;
                    restBytes += block.BlockBytes;
                }
            }
            if (rest > 0)
                KernelConsole.WriteLine("... and " + Format.Decimal(rest) + " more blocks, " + Format.Bytes(restBytes));
        }

        /// <summary>
        /// Every used block that is not a managed object (blocks from `alloc` and the kernel's
        /// own), with no limit: what must stay the same when a command is refused.
        /// </summary>
        private static void ListUsedNonObjectBlocks(HeapAllocator heap)
        {
            HeapBlockIterator blocks = heap.GetBlocks();
            ulong listed = 0;
            while (blocks.MoveNext())
            {
                HeapBlockInfo block = blocks.Current;
                if (block.IsFree || block.IsManaged)
                    continue;
                listed++;
                KernelConsole.WriteLine(Format.Hex((ulong)block.Payload) + "  " + Format.Decimal(block.BlockBytes) + " bytes  used");
            }
            KernelConsole.WriteLine(Format.Decimal(listed) + " used blocks that are not kernel objects");
        }
    }
}
