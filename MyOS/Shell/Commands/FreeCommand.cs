using MyOS.Core;
using MyOS.Core.Console;
using MyOS.Core.Memory.Heap;

namespace MyOS.Shell.Commands
{
    /// <summary>`free`: free a heap block from alloc (checked: refuses bad pointers and double frees)</summary>
    public sealed unsafe class FreeCommand : ShellCommand
    {
        public override string Name => "free";
        public override string Usage => "free <address>";
        public override string Summary => "free a heap block from alloc (checked: refuses bad pointers and double frees)";

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 1, 1))
                return;
            if (!NumberParser.TryParse(words[1], out ulong address))
            {
                Error("'" + words[1] + "' is not an address (decimal or 0x hex) that fits in 64 bits");
                return;
            }
            HeapAllocator heap = KernelMemory.Heap;
            HeapFreeResult result = heap.ClassifyPointer((byte*)address);
            if (result == HeapFreeResult.Ok && heap.IsManaged((byte*)address))
            {
                Error(Format.Hex(address) + " holds a kernel object; only blocks from alloc can be freed");
                return;
            }
            if (result == HeapFreeResult.Ok)
                result = heap.CheckedFree((byte*)address);
            if (result == HeapFreeResult.Ok)
                KernelConsole.WriteLine("freed " + Format.Hex(address));
            else
                Error(Format.Hex(address) + ": " + Describe(result));
        }

        private static string Describe(HeapFreeResult result)
        {
            switch (result)
            {
                case HeapFreeResult.Null: return "null is not a block";
                case HeapFreeResult.NotInHeap: return "the address is not in the heap";
                case HeapFreeResult.NotBlockStart: return "the address is inside a block, not at its start";
                case HeapFreeResult.Misaligned: return "the address is not 8-byte aligned, so it is no block";
                case HeapFreeResult.DoubleFree: return "the block is already free (double free)";
                case HeapFreeResult.Corrupted: return "the block header is corrupted";
                default: return "the block could not be freed";
            }
        }
    }
}
