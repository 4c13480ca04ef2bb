using MyOS.Core;
using MyOS.Core.Console;
using MyOS.Core.Memory;

namespace MyOS.Shell.Commands
{
    /// <summary>`alloc`: allocate a heap block (size takes K/M/G); prints its address</summary>
    public sealed unsafe class AllocCommand : ShellCommand
    {
        public override string Name => "alloc";
        public override string Usage => "alloc <size> [align]";
        public override string Summary => "allocate a heap block (size takes K/M/G); prints its address";

        /// <summary>Largest block the shell asks for (the heap grows in separate regions, each from contiguous pages).</summary>
        private const ulong MaxSize = 1UL << 30;

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 1, 2))
                return;
            ulong alignment = 8;
            if (!NumberParser.TryParseSize(words[1], out ulong size))
            {
                Error("'" + words[1] + "' is not a size (decimal or 0x hex, optional K/M/G) that fits in 64 bits");
                return;
            }
            if (count == 3 && (!NumberParser.TryParse(words[2], out alignment) || alignment < 8 || alignment > 4096 || (alignment & (alignment - 1)) != 0))
            {
                Error("the alignment must be a power of two from 8 to 4096");
                return;
            }
            if (size == 0 || size > MaxSize)
            {
                Error("the size must be from 1 byte to 1 GiB");
                return;
            }
            byte* block = KernelMemory.Heap.Allocate(size, alignment, false);
            if (block == null)
            {
                Error("out of memory: no free block fits and the heap cannot grow by " + Format.Bytes(size));
                return;
            }
            DirectMap.Kernel.TryToPhysical(block, out PhysicalAddress physical);   // heap blocks lie in the direct map
            KernelConsole.Write(Format.Hex((ulong)block) + " (physical " + Format.Hex(physical.Value) + "), ");
            KernelConsole.WriteLine(Format.Decimal(size) + " bytes");
        }
    }
}
