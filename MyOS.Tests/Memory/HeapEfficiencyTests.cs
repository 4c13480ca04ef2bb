using System;
using MyOS.Core.Memory.Heap;
using Xunit;
using Xunit.Abstractions;
using static MyOS.Tests.Memory.HeapTestKit;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// Heap efficiency at first failure (design target: at least 97 %): on a fixed 16 MiB page
    /// budget, allocate random sizes until the first request fails, then divide the live payload
    /// bytes (what was asked for) by the heap bytes (what the heap took from the page source).
    /// </summary>
    public unsafe class HeapEfficiencyTests
    {
        private readonly ITestOutputHelper _output;

        public HeapEfficiencyTests(ITestOutputHelper output) => this._output = output;

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void UniformSizesReachAtLeast97Percent(int seed)
        {
            double block = Fill(HeapKind.Block, seed, rng => rng.Next(4, 1001), out HeapStats stats, out ulong payload);
            double linear = Fill(HeapKind.LinearFirstFit, seed, rng => rng.Next(4, 1001), out _, out _);
            _output.WriteLine($"uniform 4..1000, seed {seed}: payload {payload} B / heap {stats.HeapBytes} B = {block:P2} "
                + $"({stats.UsedBlocks} blocks, {stats.Regions} regions, {stats.FreeBytes} B free)");
            Assert.True(block >= 0.97, $"efficiency {block:P2}");
            Assert.Equal(block, linear);   // same placement, same figure
        }

        [Fact]
        public void PowerLawSizesReachAtLeast85Percent()
        {
            // No design target for this mix (requests under 40 bytes all take a 48-byte block);
            // measured 87.97 % for this seed, so a few points of lost efficiency fail the test.
            double block = Fill(HeapKind.Block, 9, PowerLaw, out HeapStats stats, out ulong payload);
            _output.WriteLine($"power law 4..1000 (density 1/size): payload {payload} B / heap {stats.HeapBytes} B = {block:P2}");
            Assert.True(block >= 0.85, $"efficiency {block:P2}");
        }

        /// <summary>Sizes 4..1000 with density proportional to 1/size (log-uniform): many small, a long tail.</summary>
        public static int PowerLaw(Random rng) => (int)(4 * Math.Pow(250, rng.NextDouble()));

        /// <summary>Allocates until the first failure on a 16 MiB budget; returns payload / heap bytes.</summary>
        private static double Fill(HeapKind kind, int seed, Func<Random, int> size, out HeapStats stats, out ulong payload)
        {
            using var pool = new HeapPoolPageSource(16 << 20);
            HeapAllocator heap = HeapAllocator.Create(kind, pool);
            var rng = new Random(seed);
            payload = 0;
            while (true)
            {
                int bytes = size(rng);
                if (heap.Allocate((ulong)bytes) == null)
                    break;
                payload += (ulong)bytes;
            }
            stats = heap.GetStats();
            AssertConsistent(heap);
            return (double)payload / stats.HeapBytes;
        }
    }
}
