using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MyOS.Core.Memory.Heap;

namespace MyOS.Benchmarks
{
    /// <summary>
    /// The heap as the kernel's `new` uses it: BlockAllocator.AllocateManaged (zeroed, marked
    /// managed, a direct call), beside the general Allocate(size, 8, false) and the host's
    /// malloc and calloc (glibc), all in one process on HeapWorkload's churn (free a random
    /// live block, allocate a random size in its slot) at 1,000, 10,000 and 100,000 live
    /// blocks, uniform and power-law sizes. Not BenchmarkDotNet, so that the same code runs
    /// under the JIT (`dotnet run -c Release --project MyOS.Benchmarks -- --heap-kernel-path out.json`)
    /// and compiled ahead of time by ILC as the kernel is
    /// (`MyOS.Build/scripts/heap-native-benchmark.sh`: a NativeAOT build of this project).
    /// Rounds alternate between the allocators, so a burst of load on the shared machine hits
    /// all of them; each figure is the median of the rounds, in ns per alloc+free pair.
    /// </summary>
    public static unsafe class HeapKernelPathTiming
    {
        /// <summary>Timed rounds per allocator and case; the median is reported.</summary>
        private const int Rounds = 11;

        /// <summary>Alloc+free pairs per round.</summary>
        private const int PairsPerRound = 100_000;

        /// <summary>The allocators measured, in report order.</summary>
        private static readonly string[] s_names = { "AllocateManaged", "Allocate", "malloc", "calloc" };

        /// <summary>Runs every case, prints a table and writes JSON rows {compiler, sizes, live, allocator, ns}.</summary>
        public static void Run(string path)
        {
            string compiler = RuntimeFeature.IsDynamicCodeSupported ? "JIT" : "NativeAOT (ILC)";
            Console.WriteLine($"heap kernel path, {compiler}: ns per alloc+free pair, median of {Rounds} rounds of {PairsPerRound:N0} pairs");
            var rows = new List<string>();
            foreach (SizeMix mix in new[] { SizeMix.Uniform, SizeMix.PowerLaw })
            {
                foreach (int live in new[] { 1_000, 10_000, 100_000 })
                {
                    double[] medians = Measure(mix, live);
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                        "{0,-8} {1,7} live: AllocateManaged {2,7:F1}  Allocate {3,7:F1}  malloc {4,7:F1}  calloc {5,7:F1}  managed/malloc {6:F2}x",
                        mix, live, medians[0], medians[1], medians[2], medians[3], medians[0] / medians[2]));
                    for (int a = 0; a < s_names.Length; a++)
                    {
                        rows.Add(string.Format(CultureInfo.InvariantCulture,
                            "  {{\"compiler\": \"{0}\", \"sizes\": \"{1}\", \"live\": {2}, \"allocator\": \"{3}\", \"ns\": {4:F2}}}",
                            compiler, mix, live, s_names[a], medians[a]));
                    }
                }
            }

            File.WriteAllText(path, "[\n" + string.Join(",\n", rows) + "\n]\n");
        }

        /// <summary>Median ns per pair of each allocator (Names order) on one case.</summary>
        private static double[] Measure(SizeMix mix, int live)
        {
            var works = new HeapWorkload[s_names.Length];
            var times = new double[s_names.Length][];
            using var managedPages = new HostPageSource();
            using var plainPages = new HostPageSource();
            var managed = new BlockAllocator(managedPages);
            var plain = new BlockAllocator(plainPages);
            for (int a = 0; a < s_names.Length; a++)
            {
                works[a] = new HeapWorkload(live, mix);
                times[a] = new double[Rounds];
            }
            works[0].Fill(s => (IntPtr)managed.AllocateManaged(s), p => managed.Free((byte*)p));
            works[1].Fill(s => (IntPtr)plain.Allocate(s, 8, false), p => plain.Free((byte*)p));
            works[2].Fill(s => (IntPtr)NativeMemory.Alloc((nuint)s), p => NativeMemory.Free((void*)p));
            works[3].Fill(s => (IntPtr)NativeMemory.AllocZeroed((nuint)s), p => NativeMemory.Free((void*)p));

            for (int round = 0; round < Rounds; round++)
            {
                times[0][round] = TimeOurs(managed, works[0], true);
                times[1][round] = TimeOurs(plain, works[1], false);
                times[2][round] = TimeMalloc(works[2], false);
                times[3][round] = TimeMalloc(works[3], true);
            }
            foreach (IntPtr p in works[2].Slots)
                NativeMemory.Free((void*)p);
            foreach (IntPtr p in works[3].Slots)
                NativeMemory.Free((void*)p);

            var medians = new double[s_names.Length];
            for (int a = 0; a < s_names.Length; a++)
            {
                Array.Sort(times[a]);
                medians[a] = times[a][Rounds / 2];
            }
            return medians;
        }

        // The timed loops call the allocators directly (no delegate in the timed loop).

        /// <summary>One round on our heap: the runtime's path (AllocateManaged) or the general Allocate(size, 8, false).</summary>
        private static double TimeOurs(BlockAllocator heap, HeapWorkload work, bool managed)
        {
            IntPtr[] slots = work.Slots;
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < PairsPerRound; i++)
            {
                int slot = work.Next(out ulong size);
                heap.Free((byte*)slots[slot]);
                slots[slot] = managed ? (IntPtr)heap.AllocateManaged(size) : (IntPtr)heap.Allocate(size, 8, false);
            }
            return Elapsed(start);
        }

        private static double TimeMalloc(HeapWorkload work, bool zeroed)
        {
            IntPtr[] slots = work.Slots;
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < PairsPerRound; i++)
            {
                int slot = work.Next(out ulong size);
                NativeMemory.Free((void*)slots[slot]);
                slots[slot] = zeroed ? (IntPtr)NativeMemory.AllocZeroed((nuint)size) : (IntPtr)NativeMemory.Alloc((nuint)size);
            }
            return Elapsed(start);
        }

        private static double Elapsed(long start) =>
            (Stopwatch.GetTimestamp() - start) * 1e9 / Stopwatch.Frequency / PairsPerRound;
    }
}
