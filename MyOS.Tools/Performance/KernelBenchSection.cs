using System.Linq;
using System.Text;
using MyOS.Tests.VirtualMachines;

namespace MyOS.Tools.Performance
{
    /// <summary>The shell's `bench` in QEMU: its table, with ratios, and its raw output.</summary>
    public static class KernelBenchSection
    {
        /// <summary>The section's Markdown.</summary>
        public static string Write(ReportData data)
        {
            VmMeasurement.Result qemu = data.Qemu;
            var md = new StringBuilder();
            md.AppendLine("## Inside MyOS: `bench`").AppendLine();
            md.AppendLine($"The shell's `bench` in QEMU (software emulation, TCG; {qemu?.MemoryMiB.ToString() ?? "?"} MiB), RDTSC cycles per " +
                "alloc+free pair, ours beside the baseline compiled into the same kernel. Under TCG the TSC runs at the host's rate while " +
                "guest code runs many times slower than native, so cycles here are emulated time, comparable within the table only.");
            md.AppendLine();
            BenchReport bench = qemu?.Bench;
            if (bench == null || bench.Rows.Count == 0)
            {
                md.AppendLine($"`bench` gave no table: {qemu?.Error ?? "no output"}");
                return md.ToString();
            }
            md.AppendLine("| workload | ours (cycles) | baseline (cycles) | ratio |");
            md.AppendLine("| --- | ---: | ---: | ---: |");
            foreach (BenchReport.Row row in bench.Rows)
                md.AppendLine($"| {row.Workload} | {Format.Count(row.Ours)} | {Format.Count(row.Baseline)} | {Format.Ratio(row.Baseline, row.Ours)} |");
            md.AppendLine().AppendLine("Raw output:").AppendLine().AppendLine("```").AppendLine(qemu.BenchText.Replace("\r", "").Trim()).AppendLine("```").AppendLine();
            md.AppendLine("Reading the table: the kernel's workloads are smaller than the host's (a 64 MiB map; 1,000 and 10,000 live blocks), " +
                "with few rounds so the baselines finish quickly under emulation. The heap rows churn the live set first (as many untimed " +
                "pairs as live blocks), as the host benchmark does, so both heaps are timed in a steady state.");
            if (bench.Rows.Any(r => r.Workload.StartsWith("pages, 1 page", System.StringComparison.Ordinal) && r.Baseline < r.Ours))
            {
                md.AppendLine().AppendLine("Single pages on an empty map favour the byte map: its first byte is free, so its scan stops at once; " +
                    "the bitmap pays for its hint and summary bookkeeping (the same as on some of the host's Random50 rows).");
            }

            return md.ToString();
        }
    }
}
