using System;
using System.Runtime.InteropServices;
using MyOS.Core.Memory.Heap;
using Xunit;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// The maxima tree on its own, against a plain array as the model: random leaf updates
    /// (growing, shrinking, to 0), then every query answered by a linear scan of the model.
    /// Leaf counts cover one node, a partial node, two and three levels.
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
                uint max = 0;
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
                    max = MaximaTree.Set(tree, n, index, value, max);
                    Assert.Equal(Max(model), max);

                    uint need = (uint)rng.Next(1, 210);
                    Assert.Equal(FirstAtLeast(model, need, 0), MaximaTree.FindFirst(tree, n, need));
                    uint from = (uint)rng.Next(leaves + 2);
                    Assert.Equal(FirstAtLeast(model, need, from), MaximaTree.FindFrom(tree, n, need, from));
                    if (step % 300 == 0)
                    {
                        Assert.True(MaximaTree.IsConsistent(tree, n, out uint checkedMax));
                        Assert.Equal(max, checkedMax);
                    }
                }
                Assert.Equal(max, MaximaTree.Rebuild(tree, n));
                Assert.True(MaximaTree.IsConsistent(tree, n, out _));
            }
            finally
            {
                NativeMemory.Free(tree);
            }
        }

        [Fact]
        public void InconsistentUpperLevelIsFound()
        {
            const uint n = 300;
            uint* tree = (uint*)NativeMemory.Alloc((nuint)(MaximaTree.StorageUints(n) * 4));
            try
            {
                MaximaTree.Clear(tree, n);
                uint max = MaximaTree.Set(tree, n, 40, 9, 0);
                Assert.Equal(9u, max);
                Assert.True(MaximaTree.IsConsistent(tree, n, out _));
                tree[40] = 3;                              // a leaf changed behind the tree's back
                Assert.False(MaximaTree.IsConsistent(tree, n, out _));
                tree[40] = 9;
                tree[n + 5] = 1;                           // padding after the leaves must stay 0
                Assert.False(MaximaTree.IsConsistent(tree, n, out _));
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
