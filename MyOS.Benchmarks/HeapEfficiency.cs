using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Heap;

namespace MyOS.Benchmarks
{
    /// <summary>
    /// Heap efficiency at first failure (the project's target: at least 97 %), the same measurement
    /// as MyOS.Tests' HeapEfficiencyTests: on a fixed budget of 16 MiB of pages, allocate random
    /// sizes until the first request fails; efficiency = payload bytes asked for / heap bytes
    /// taken from the page source. Both MyOS heaps run on the same seeds. Not a timing, so it
    /// runs outside BenchmarkDotNet: `dotnet run -c Release --project MyOS.Benchmarks -- --efficiency out.json`.
    /// The host's malloc has no fixed heap to fill, so it has no figure here.
    /// The same mode checks that the block allocator places every block where the linear list does,
    /// and records the free blocks and the free index's levels (directory tree plus region tree:
    /// the nodes a search reads) at each live count of the benchmarks; the JSON keeps the key
    /// "height" for those levels.
    /// </summary>
    public static unsafe class HeapEfficiency
    {
        /// <summary>Page budget of the fixed heap.</summary>
        private const ulong BudgetBytes = 16UL << 20;

        /// <summary>Runs every case and writes JSON: "efficiency" rows {sizes, seed, heap, payload, heapBytes, blocks, efficiency} and "placement" rows {sizes, live, operations, mismatches}.</summary>
        public static void Run(string path)
        {
            var rows = new List<string>();
            foreach ((string mix, int seed) in new[] { ("Uniform", 1), ("Uniform", 2), ("Uniform", 3), ("PowerLaw", 9) })
            {
                foreach (HeapKind kind in new[] { HeapKind.Block, HeapKind.LinearFirstFit })
                {
                    (ulong payload, ulong heapBytes, ulong blocks) = Fill(kind, seed, mix == "Uniform");
                    double efficiency = (double)payload / heapBytes;
                    Console.WriteLine($"efficiency {mix} seed {seed} {kind}: {payload} / {heapBytes} B = {efficiency:P2} ({blocks} blocks)");
                    rows.Add(string.Format(CultureInfo.InvariantCulture,
                        "  {{\"sizes\": \"{0}\", \"seed\": {1}, \"heap\": \"{2}\", \"payload\": {3}, \"heapBytes\": {4}, \"blocks\": {5}, \"efficiency\": {6:R}}}",
                        mix, seed, kind, payload, heapBytes, blocks, efficiency));
                }
            }
            var placements = new List<string>();
            foreach ((string mix, int live) in new[] { ("Uniform", 1_000), ("Uniform", 10_000), ("PowerLaw", 1_000), ("PowerLaw", 10_000) })
            {
                (int operations, int mismatches) = ComparePlacement(live, mix == "Uniform");
                Console.WriteLine($"placement {mix} {live} live: {operations} operations, {mismatches} addresses differ between the block allocator and the linear list");
                placements.Add(string.Format(CultureInfo.InvariantCulture,
                    "  {{\"sizes\": \"{0}\", \"live\": {1}, \"operations\": {2}, \"mismatches\": {3}}}", mix, live, operations, mismatches));
            }
            var shapes = new List<string>();
            foreach (SizeMix mix in new[] { SizeMix.Uniform, SizeMix.PowerLaw })
            {
                foreach (int live in new[] { 100, 1_000, 10_000, 100_000, 1_000_000 })
                {
                    (ulong freeBlocks, uint height, ulong heapBytes) = TreeShape(live, mix);
                    Console.WriteLine($"index shape {mix} {live} live: {freeBlocks} free blocks, index levels {height}, heap {heapBytes} B");
                    shapes.Add(string.Format(CultureInfo.InvariantCulture,
                        "  {{\"sizes\": \"{0}\", \"live\": {1}, \"freeBlocks\": {2}, \"height\": {3}, \"heapBytes\": {4}}}",
                        mix, live, freeBlocks, height, heapBytes));
                }
            }

            File.WriteAllText(path, "{\"efficiency\": [\n" + string.Join(",\n", rows) + "\n],\n\"placement\": [\n"
                + string.Join(",\n", placements) + "\n],\n\"shape\": [\n" + string.Join(",\n", shapes) + "\n]}\n");
        }

        /// <summary>
        /// Same placement as linear first fit: both heaps, each on its own pool of the same size,
        /// get the benchmark's workload (fill to <paramref name="live"/> blocks, then free a random
        /// block and allocate a random size in its place); every allocation's offset from its pool's
        /// start is compared. Returns the operations run and how many offsets differed.
        /// </summary>
        private static (int, int) ComparePlacement(int live, bool uniform)
        {
            const int churn = 100_000;   // with the fill, more than 100,000 allocations compared per case
            using var treePool = new BudgetPageSource(64UL << 20);
            using var listPool = new BudgetPageSource(64UL << 20);
            HeapAllocator tree = HeapAllocator.Create(HeapKind.Block, treePool);
            HeapAllocator list = HeapAllocator.Create(HeapKind.LinearFirstFit, listPool);
            var rng = new Random(2024);
            var treeBlocks = new IntPtr[live];
            var listBlocks = new IntPtr[live];
            int mismatches = 0, operations = 0;
            for (int i = 0; i < live + churn; i++)
            {
                int slot = i < live ? i : rng.Next(live);
                if (i >= live)
                {
                    tree.Free((byte*)treeBlocks[slot]);
                    list.Free((byte*)listBlocks[slot]);
                }
                ulong bytes = uniform ? (ulong)rng.Next(4, 1001) : (ulong)(4 * Math.Pow(250, rng.NextDouble()));
                treeBlocks[slot] = (IntPtr)tree.Allocate(bytes);
                listBlocks[slot] = (IntPtr)list.Allocate(bytes);
                operations++;
                if (treePool.OffsetOf((byte*)treeBlocks[slot]) != listPool.OffsetOf((byte*)listBlocks[slot]))
                    mismatches++;
            }
            return (operations, mismatches);
        }

        /// <summary>
        /// The free index after HeapBenchmarks' set-up (HeapWorkload.Fill: the live set, then the
        /// steady-state churn): how many free blocks it indexes and its levels (BlockAllocator.IndexLevels),
        /// the tree nodes a first-fit search reads. Returns heap bytes too.
        /// </summary>
        private static (ulong, uint, ulong) TreeShape(int live, SizeMix mix)
        {
            using var pages = new HostPageSource();
            var tree = new BlockAllocator(pages);
            var work = new HeapWorkload(live, mix);
            work.Fill(p => (IntPtr)tree.Allocate((ulong)p, 8, false), p => tree.Free((byte*)p));
            HeapStats stats = tree.GetStats();
            return (stats.FreeBlocks, tree.IndexLevels, stats.HeapBytes);
        }

        /// <summary>Allocates until the first failure; returns payload bytes, heap bytes and live blocks.</summary>
        private static (ulong, ulong, ulong) Fill(HeapKind kind, int seed, bool uniform)
        {
            using var source = new BudgetPageSource(BudgetBytes);
            HeapAllocator heap = HeapAllocator.Create(kind, source);
            var rng = new Random(seed);
            ulong payload = 0;
            while (true)
            {
                // The same draws as HeapEfficiencyTests (uniform 4..1000; density 1/size for the power law).
                int bytes = uniform ? rng.Next(4, 1001) : (int)(4 * Math.Pow(250, rng.NextDouble()));
                if (heap.Allocate((ulong)bytes) == null)
                    break;
                payload += (ulong)bytes;
            }
            HeapStats stats = heap.GetStats();
            return (payload, stats.HeapBytes, stats.UsedBlocks);
        }

        /// <summary>
        /// One block of host memory as the fixed heap's RAM: runs go at the lowest free pages, so
        /// both heaps see their regions at the same addresses (address-ordered first fit depends
        /// on region order), as with MyOS.Tests' HeapPoolPageSource. Beyond it AllocatePages returns null.
        /// </summary>
        private sealed class BudgetPageSource : PageSource, IDisposable
        {
            /// <summary>First byte of the pool (4 KiB aligned).</summary>
            private readonly byte* _pool;

            /// <summary>true for each pool page that belongs to a run handed out.</summary>
            private readonly bool[] _taken;

            public BudgetPageSource(ulong bytes)
            {
                _taken = new bool[bytes / PageMath.PageSize];
                _pool = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, (nuint)PageMath.PageSize);
            }

            public override byte* AllocatePages(ulong pages)
            {
                ulong run = 0;   // free pages ending at page i
                for (ulong i = 0; i < (ulong)_taken.Length && pages > 0; i++)
                {
                    run = _taken[i] ? 0 : run + 1;
                    if (run == pages)
                    {
                        ulong first = i + 1 - pages;
                        for (ulong j = first; j <= i; j++)
                            _taken[j] = true;
                        return _pool + first * PageMath.PageSize;
                    }
                }
                return null;
            }

            public override void FreePages(byte* pointer, ulong pages)
            {
                ulong first = (ulong)(pointer - _pool) / PageMath.PageSize;
                for (ulong j = first; j < first + pages; j++)
                    _taken[j] = false;
            }

            /// <summary>Offset of a pointer from the pool's start; -1 for null.</summary>
            public long OffsetOf(byte* pointer) => pointer == null ? -1 : (long)(pointer - _pool);

            public void Dispose() => NativeMemory.AlignedFree(_pool);
        }
    }
}
