using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using MyOS.Core.Memory;
using Xunit;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// The free tree on its own, against a sorted list as the model: random inserts, removals,
    /// size changes and moves, with the tree's own check and the first-fit queries after each.
    /// Blocks are fake free blocks, one per 4 KiB slot of a native buffer.
    /// </summary>
    public unsafe class BlockAllocatorTreeTests
    {
        const int Slots = 400;

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void RandomOperationsKeepTheTreeValidAndQueriesExact(int seed)
        {
            ulong bytes = (ulong)(Slots + 1) * PageSource.PageSize;
            byte* memory = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, 4096);
            try
            {
                // One fake region around all slots, so the tree check accepts the nodes' addresses.
                var region = (RegionHeader*)memory;
                region->Next = null;
                region->Previous = null;
                region->Bytes = bytes;

                var rng = new Random(seed);
                var tree = new FreeBlockTree();
                var model = new SortedDictionary<ulong, ulong>();   // block address -> size in units
                var where = new ulong[Slots];                        // slot -> block address, 0 when not in the tree

                for (int step = 0; step < 4000; step++)
                {
                    int slot = rng.Next(Slots);
                    byte* slotStart = memory + (ulong)(slot + 1) * PageSource.PageSize;
                    int op = rng.Next(4);
                    if (where[slot] == 0)
                    {
                        var block = (BlockHeader*)(slotStart + 8UL * (ulong)rng.Next(64));
                        ulong size = RandomSize(rng);
                        BlockHeader.WriteFree(block, size);
                        tree.Insert(FreeBlockEntry.Of(block));
                        where[slot] = (ulong)block;
                        model.Add((ulong)block, size >> 3);
                    }
                    else if (op == 0)
                    {
                        tree.Remove(FreeBlockEntry.Of((BlockHeader*)where[slot]));
                        model.Remove(where[slot]);
                        where[slot] = 0;
                    }
                    else if (op == 1)
                    {
                        var block = (BlockHeader*)where[slot];
                        ulong size = RandomSize(rng);
                        BlockHeader.WriteFree(block, size);
                        tree.SizeChanged(FreeBlockEntry.Of(block));
                        model[where[slot]] = size >> 3;
                    }
                    else
                    {
                        // Move within the slot: the order among blocks stays the same.
                        var from = (BlockHeader*)where[slot];
                        var to = (BlockHeader*)(slotStart + 8UL * (ulong)rng.Next(64));
                        if (Math.Abs((long)to - (long)from) < (long)BlockHeader.MinBlockBytes)
                            continue;   // in a heap the two nodes are at least a block apart
                        ulong size = RandomSize(rng);
                        BlockHeader.Write(to, size, BlockHeader.FreeFlag);   // no footer: it could land on the old node
                        tree.Move(FreeBlockEntry.Of(from), FreeBlockEntry.Of(to));
                        model.Remove(where[slot]);
                        where[slot] = (ulong)to;
                        model.Add((ulong)to, size >> 3);
                    }

                    HeapCheckResult check = tree.Validate((ulong)model.Count, region);
                    Assert.True(check.IsOk, $"step {step}: {check.Status} at 0x{check.Address:x}");
                    uint need = (uint)rng.Next(6, 520);
                    AssertQueries(tree, model, need);
                }
            }
            finally
            {
                NativeMemory.AlignedFree(memory);
            }
        }

        /// <summary>A block size that fits in a slot next to its offset: MinBlockBytes..3584 bytes.</summary>
        static ulong RandomSize(Random rng) => 8UL * (ulong)rng.Next((int)(BlockHeader.MinBlockBytes / 8), 449);

        /// <summary>FindFirst and the FindNext chain give exactly the model's blocks of at least <paramref name="need"/> units, in order.</summary>
        static void AssertQueries(FreeBlockTree tree, SortedDictionary<ulong, ulong> model, uint need)
        {
            List<ulong> expected = model.Where(kv => kv.Value >= need).Select(kv => kv.Key).ToList();
            var actual = new List<ulong>();
            for (FreeBlockEntry* node = tree.FindFirst(need); node != null; node = FreeBlockTree.FindNext(node, need))
                actual.Add((ulong)FreeBlockEntry.Block(node));
            Assert.Equal(expected, actual);
            Assert.Equal(model.Count == 0 ? 0UL : model.Values.Max(), tree.MaxUnits);

            var inOrder = new List<ulong>();
            for (FreeBlockEntry* node = tree.First(); node != null; node = FreeBlockTree.Successor(node))
                inOrder.Add((ulong)FreeBlockEntry.Block(node));
            Assert.Equal(model.Keys.ToList(), inOrder);
        }
    }
}
