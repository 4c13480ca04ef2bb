using MyOS.Core;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Heap;

namespace MyOS.Diagnostics.Tests
{
    /// <summary>
    /// 100,000 random heap operations (allocations of 1..2048 bytes with alignments 8..4096,
    /// and frees of random live blocks), with the full heap check after every 1,000. Each block's
    /// first and last bytes hold a mark made from its address, checked before it is freed, so
    /// two live blocks that overlap, or a heap write into a live block, are caught. Then
    /// everything is freed and the used-block and used-byte counters must be back where they
    /// started. The live set is sized to the machine: at most 2,000 blocks, and no more than
    /// half the free RAM could hold at the worst size and alignment.
    /// </summary>
    public sealed unsafe class HeapStressTest : KernelTest
    {
        private const int Operations = 100000;
        private const int MaxLive = 2000;
        /// <summary>Most heap bytes one live block can take: 2048 bytes, 4096 of alignment padding, its header.</summary>
        private const ulong WorstBlockBytes = 2048 + 4096 + 64;

        public override string Name => "heap.stress-100k";

        protected override void Execute()
        {
            HeapAllocator heap = KernelMemory.Heap;
            // The table of live blocks is allocated before the baseline is taken.
            int maxLive = LiveBlocksThatFit(KernelMemory.Pages.FreePages * PageMath.PageSize / 2);
            ulong[] live = new ulong[maxLive];
            ulong[] sizes = new ulong[maxLive];
            HeapStats before = heap.GetStats();
            TestRandom random = new TestRandom(7);
            int count = 0;
            for (int op = 1; op <= Operations && !Failed; op++)
            {
                bool allocate = count == 0 || (count < maxLive && random.Below(100) < 55);
                if (allocate)
                {
                    ulong size = 1 + random.Below(2048);
                    ulong alignment = 8UL << (int)random.Below(10);
                    byte* block = heap.Allocate(size, alignment, false);
                    if (!Check(block != null, "an allocation failed"))
                        break;
                    Check(((ulong)block & (alignment - 1)) == 0, "a block is not aligned as asked");
                    block[size - 1] = (byte)~Mark(block);
                    block[0] = Mark(block);     // a 1-byte block keeps only this one
                    sizes[count] = size;
                    live[count++] = (ulong)block;
                }
                else
                {
                    int index = (int)random.Below((ulong)count);
                    CheckMarks((byte*)live[index], sizes[index]);
                    Check(heap.CheckedFree((byte*)live[index]) == HeapFreeResult.Ok, "checked free of a live block failed");
                    count--;
                    live[index] = live[count];
                    sizes[index] = sizes[count];
                }
                if (op % 1000 == 0)
                    Check(heap.Check().IsOk, "the heap check found a problem");
            }
            while (count > 0)
            {
                count--;
                CheckMarks((byte*)live[count], sizes[count]);
                heap.Free((byte*)live[count]);
            }
            HeapStats after = heap.GetStats();
            Check(heap.Check().IsOk, "the heap check failed after freeing everything");
            Check(after.UsedBlocks == before.UsedBlocks, "used block count not back to its start");
            Check(after.UsedBytes == before.UsedBytes, "used bytes not back to their start");
        }

        /// <summary>The mark of the block at <paramref name="block"/>: its address's low bits (the last byte holds the complement).</summary>
        private static byte Mark(byte* block) => (byte)((ulong)block >> 3);

        private void CheckMarks(byte* block, ulong size) =>
            Check(block[0] == Mark(block) && (size == 1 || block[size - 1] == (byte)~Mark(block)),
                "a live block's first or last byte changed before it was freed (blocks overlap, or the heap wrote into one)");

        /// <summary>How many live blocks (at most <see cref="MaxLive"/>, at least 1) fit in <paramref name="bytes"/> at the worst block size.</summary>
        private static int LiveBlocksThatFit(ulong bytes)
        {
            ulong fit = bytes / WorstBlockBytes;
            return fit >= MaxLive ? MaxLive : fit == 0 ? 1 : (int)fit;
        }
    }
}
