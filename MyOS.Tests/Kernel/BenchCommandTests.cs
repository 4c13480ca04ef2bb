using System;
using System.Collections.Generic;
using System.Linq;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The shell's `bench`: every workload prints ours beside the baseline compiled into the same
    /// kernel, with their ratio, and the benchmark gives back what it took. Times are not asserted
    /// (they are measurements, not test results).
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    [Trait(TestTraits.KernelFeature, TestTraits.Shell)]
    public sealed class BenchCommandTests
    {
        private static readonly TimeSpan s_benchLimit = TimeSpan.FromSeconds(180);
        private static readonly TimeSpan s_commandLimit = TimeSpan.FromSeconds(15);

        private readonly Action<string> _log;

        public BenchCommandTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        public void Bench_ReportsEveryWorkloadBesideItsBaseline_AndGivesItsPagesBack()
        {
            using VirtualMachine vm = TestMachines.StartAtPrompt(_log, deadline: s_benchLimit + TimeSpan.FromSeconds(90));
            MemInfoReport before = MemInfo(vm);

            IReadOnlyList<string> lines = vm.Serial.RunCommand("bench", s_benchLimit);

            BenchReport bench = BenchReport.Parse(lines);
            Assert.True(bench.Rows.Count == 5, "bench should print 5 workload rows:\n" + string.Join("\n", lines));
            Assert.Equal(3, bench.Of("pages").Count());
            Assert.Equal(2, bench.Of("heap").Count());
            foreach (BenchReport.Row row in bench.Rows)
            {
                Assert.True(row.Ours > 0 && row.Baseline > 0, "a workload measured nothing: " + row);
                // The printed ratio is baseline / ours, in tenths, rounded down.
                Assert.Equal(row.Baseline * 10 / row.Ours, row.PrintedRatioTenths);
            }

            // The benchmark heaps and page runs went back to the page allocator: pages still in
            // use grew only by what the kernel heap grew (bench's own objects are never freed: no GC).
            MemInfoReport after = MemInfo(vm);
            ulong heapPages = (after.HeapBytes - before.HeapBytes) / 4096;
            Assert.Equal(before.UsedPages + heapPages, after.UsedPages);
            Assert.Equal(0UL, (after.HeapBytes - before.HeapBytes) % 4096);
        }

        private static MemInfoReport MemInfo(VirtualMachine vm) =>
            MemInfoReport.Parse(vm.Serial.RunCommand("meminfo", s_commandLimit));
    }
}
