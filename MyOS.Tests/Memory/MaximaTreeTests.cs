using System;
using System.Runtime.InteropServices;
using MyOS.Core.Memory.Heap;
using Xunit;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// The maxima tree on its own, against a plain array as the model: random leaf updates
    /// (raised through the tree, or lowered at the leaf alone so that the levels above overstate),
    /// then every query answered by a linear scan of the model. Leaf counts cover one node, a
    /// partial node, two and three levels.
    /// </summary>
    public unsafe class MaximaTreeTests
    {
        [Theory]
        [InlineData(1, 1)]
        [InlineData(7, 0)]
        [InlineData(2, 16)]
        [InlineData(3, 17)]
        [InlineData(4, 256)]
        [InlineData(5, 300)]
        [InlineData(6, 5000)]
        public void RandomUpdatesKeepEveryQueryExact(int seed, int leaves)
        {
            uint n = (uint)leaves;
            ulong entries = MaximaTree.StorageUints(n);
            uint* tree = (uint*)NativeMemory.Alloc((nuint)(entries * 4));
            try
            {
                for (ulong i = 0; i < entries; i++)
                    tree[i] = 0xDEADBEEF;                  // Clear must reach every entry
                MaximaTree.Clear(tree, n);
                var model = new uint[n];
                var rng = new Random(seed);
                for (int step = 0; step < 3000; step++)
                {
                    if (leaves == 0)
                    {
                        Assert.Equal(MaximaTree.None, MaximaTree.FindFirst(tree, n, 1));
                        break;
                    }
                    uint index = (uint)rng.Next(leaves);
                    uint value = rng.Next(4) == 0 ? 0 : (uint)rng.Next(1, 200);
                    model[index] = value;
                    if (value > tree[index])
                        MaximaTree.Raise(tree, n, index, value);
                    else
                        tree[index] = value;               // lowered at the leaf only: the levels above may overstate

                    uint need = (uint)rng.Next(1, 210);
                    Assert.Equal(FirstAtLeast(model, need, 0), MaximaTree.FindFirst(tree, n, need));
                    uint from = (uint)rng.Next(leaves + 2);
                    Assert.Equal(FirstAtLeast(model, need, from), MaximaTree.FindFrom(tree, n, need, from));
                    Assert.True(MaximaTree.TopMax(tree, n) >= Max(model));
                    if (step % 300 == 0)
                    {
                        Assert.True(MaximaTree.NeverUnderstates(tree, n, out uint checkedMax));
                        Assert.True(checkedMax >= Max(model));
                    }
                }
                Assert.Equal(Max(model), MaximaTree.Rebuild(tree, n));   // exact again
                Assert.True(MaximaTree.NeverUnderstates(tree, n, out uint rebuiltMax));
                Assert.Equal(Max(model), rebuiltMax);
            }
            finally
            {
                NativeMemory.Free(tree);
            }
        }

        [Fact]
        public void SearchLowersAnOverstatedEntryToWhatItsNodeHolds()
        {
            const uint n = 200;                            // two levels: 13 nodes of leaves under the top node
            uint* tree = (uint*)NativeMemory.Alloc((nuint)(MaximaTree.StorageUints(n) * 4));
            try
            {
                MaximaTree.Clear(tree, n);
                MaximaTree.Raise(tree, n, 40, 90);         // node 2 of the leaves
                MaximaTree.Raise(tree, n, 41, 30);
                MaximaTree.Raise(tree, n, 150, 70);        // node 9
                uint* top = tree + 208;                    // the top node: 200 leaves padded to 208 come first
                Assert.Equal(90u, top[2]);
                tree[40] = 5;                              // lowered at the leaf: top[2] overstates now
                Assert.Equal(150u, MaximaTree.FindFirst(tree, n, 60));
                Assert.Equal(30u, top[2]);                 // the search lowered it to its node's largest
                Assert.Equal(41u, MaximaTree.FindFirst(tree, n, 30));
                Assert.True(MaximaTree.NeverUnderstates(tree, n, out uint max));
                Assert.Equal(70u, max);
            }
            finally
            {
                NativeMemory.Free(tree);
            }
        }

        [Fact]
        public void UnderstatedUpperLevelIsFound()
        {
            const uint n = 300;
            uint* tree = (uint*)NativeMemory.Alloc((nuint)(MaximaTree.StorageUints(n) * 4));
            try
            {
                MaximaTree.Clear(tree, n);
                MaximaTree.Raise(tree, n, 40, 9);
                Assert.Equal(9u, MaximaTree.TopMax(tree, n));
                Assert.True(MaximaTree.NeverUnderstates(tree, n, out _));
                tree[40] = 3;                              // lowered behind the tree's back: allowed
                Assert.True(MaximaTree.NeverUnderstates(tree, n, out _));
                tree[40] = 12;                             // raised behind the tree's back: the level above understates
                Assert.False(MaximaTree.NeverUnderstates(tree, n, out _));
                tree[40] = 9;
                tree[n + 2] = 1;                           // padding after the leaves (300 to 303) must stay 0
                Assert.False(MaximaTree.NeverUnderstates(tree, n, out _));
            }
            finally
            {
                NativeMemory.Free(tree);
            }
        }

        private static uint Max(uint[] model)
        {
            uint max = 0;
            foreach (uint v in model)
                max = Math.Max(max, v);
            return max;
        }

        private static uint FirstAtLeast(uint[] model, uint need, uint from)
        {
            for (uint i = from; i < model.Length; i++)
            {
                if (model[i] >= need)
                    return i;
            }

            return MaximaTree.None;
        }
    }
}
