using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
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

        /// <summary>One row: label, ours, baseline (cycles), ratio.</summary>
        private static readonly Regex s_row = new Regex(@"^(pages|heap), (.+?)\s+(\d+)\s+(\d+)\s+x(\d+)\.(\d)$");

        private readonly Action<string> _log;

        public BenchCommandTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        public void Bench_ReportsEveryWorkloadBesideItsBaseline_AndGivesItsPagesBack()
        {
            using VirtualMachine vm = TestMachines.StartAtPrompt(_log, deadline: s_benchLimit + TimeSpan.FromSeconds(90));
            MemInfoReport before = MemInfo(vm);

            IReadOnlyList<string> lines = vm.Serial.RunCommand("bench", s_benchLimit);

            List<Match> rows = lines.Select(l => s_row.Match(l.Trim())).Where(m => m.Success).ToList();
            Assert.True(rows.Count == 5, "bench should print 5 workload rows:\n" + string.Join("\n", lines));
            Assert.Equal(3, rows.Count(m => m.Groups[1].Value == "pages"));
            Assert.Equal(2, rows.Count(m => m.Groups[1].Value == "heap"));
            foreach (Match row in rows)
            {
                ulong ours = ulong.Parse(row.Groups[3].Value, CultureInfo.InvariantCulture);
                ulong baseline = ulong.Parse(row.Groups[4].Value, CultureInfo.InvariantCulture);
                Assert.True(ours > 0 && baseline > 0, "a workload measured nothing: " + row.Value);
                // The printed ratio is baseline / ours, in tenths, rounded down.
                ulong tenths = ulong.Parse(row.Groups[5].Value + row.Groups[6].Value, CultureInfo.InvariantCulture);
                Assert.Equal(baseline * 10 / ours, tenths);
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
