using System.Collections.Generic;
using System.Linq;

namespace MyOS.Tools.Performance
{
    /// <summary>Everything one measuring run produced, as the report's sections read it.</summary>
    /// <param name="Benchmarks">BenchmarkDotNet's cases.</param>
    /// <param name="Efficiency">Heap efficiency, placement and index shape.</param>
    /// <param name="Vms">The VM boots, QEMU pc (with `bench`) first.</param>
    /// <param name="Machine">The machine and its load.</param>
    public sealed record ReportData(BenchmarkResults Benchmarks, EfficiencyResults Efficiency,
        IReadOnlyList<VmMeasurement.Result> Vms, MachineInfo Machine)
    {
        /// <summary>The benchmark classes the report knows by name.</summary>
        public const string Heap = "HeapBenchmarks", HeapLinear = "HeapLinearBenchmarks",
            Pages = "PageAllocatorBenchmarks", PagesMalloc = "PageHostMallocBenchmarks";

        /// <summary>Live-block counts, size mixes, map sizes and run lengths the benchmarks use.</summary>
        public static readonly int[] Lives = { 100, 1000, 10000, 100000, 1000000 };
        public static readonly (string Name, string Label)[] Mixes = { ("Uniform", "uniform 4..1000 B"), ("PowerLaw", "power law 4..1000 B") };
        public static readonly int[] MapsGiB = { 1, 4, 64 };
        public static readonly int[] RunPages = { 1, 8, 64, 512 };

        /// <summary>The label of a size mix ("uniform 4..1000 B").</summary>
        public static string MixLabel(string mix) => Mixes.FirstOrDefault(m => m.Name == mix).Label ?? mix;

        /// <summary>A heap case's median: "LinearFirstFit" is in HeapLinearBenchmarks, the rest in HeapBenchmarks.</summary>
        public double? HeapTime(string method, int live, string mix) =>
            Benchmarks.Median(method == "LinearFirstFit" ? HeapLinear : Heap, method, "Live", live, "Sizes", mix);

        /// <summary>A page allocator case's median.</summary>
        public double? PageTime(string method, int gib, int pages, string layout) =>
            Benchmarks.Median(Pages, method, "MapGiB", gib, "Pages", pages, "Layout", layout);

        /// <summary>The host's aligned_alloc of <paramref name="pages"/> pages.</summary>
        public double? PageMallocTime(int pages) => Benchmarks.Median(PagesMalloc, "HostMalloc", "Pages", pages);

        /// <summary>QEMU pc's boot (the one with `bench`), or null.</summary>
        public VmMeasurement.Result Qemu => Vms.FirstOrDefault(v => v.Name == "QEMU");
    }
}
