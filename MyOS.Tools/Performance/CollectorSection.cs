using System.IO;
using System.Linq;
using System.Text;

namespace MyOS.Tools.Performance
{
    /// <summary>The garbage collector: pause against live objects (table and plot) and a churn's allocation rate.</summary>
    public static class CollectorSection
    {
        /// <summary>The section's Markdown; the plot goes to <paramref name="plots"/>.</summary>
        public static string Write(ReportData data, string plots)
        {
            CollectorMeasurement.Result gc = data.Collector;
            var md = new StringBuilder();
            md.AppendLine("## Garbage collector (in the kernel)").AppendLine();
            if (gc == null || gc.Pauses.Count == 0)
            {
                md.AppendLine($"No measurement: {gc?.Error ?? "the collector benchmark did not run"}.").AppendLine();
                return md.ToString();
            }
            md.AppendLine($"QEMU (TCG, {gc.MemoryMiB} MiB) booted with `test=gc-pause` (`MyOS/Diagnostics/Benchmarks/CollectorBenchmark.cs`). " +
                "Times come from the TSC calibrated against the PIT; under TCG they are emulated time, so compare them with each other. " +
                "A full collection marks from the stack, handles, statics and frozen objects, then sweeps the whole heap.").AppendLine();
            md.AppendLine("| live objects | live bytes (heap blocks) | pause, best of 5 | per live object |");
            md.AppendLine("| ---: | ---: | ---: | ---: |");
            foreach (CollectorMeasurement.Pause pause in gc.Pauses)
            {
                md.AppendLine($"| {Format.Count(pause.LiveObjects)} | {Format.Count(pause.LiveBytes)} | {Format.Duration(pause.Microseconds * 1000.0)} | " +
                              $"{Format.Duration(pause.Microseconds * 1000.0 / pause.LiveObjects)} |");
            }

            md.AppendLine();
            var plot = new LinePlot { Title = "Collection pause against live objects (QEMU TCG)", XLabel = "live objects (log)", YLabel = "pause (log)" };
            plot.Add(new LinePlot.Series("full collection", gc.Pauses.Select(p => ((double)p.LiveObjects, p.Microseconds * 1000.0)).ToList(), LinePlot.Ours));
            if (plot.HasSeries)
            {
                plot.Save(Path.Combine(plots, "gc-pause-vs-live.png"));
                md.AppendLine("![collection pause against live objects](plots/gc-pause-vs-live.png)").AppendLine();
            }
            if (gc.Churn is CollectorMeasurement.Churn churn)
            {
                double share = churn.Microseconds == 0 ? 0 : 100.0 * churn.CollectionMicroseconds / churn.Microseconds;
                md.AppendLine($"Churn: {Format.Count(churn.Allocations)} allocations of 32-byte objects with {Format.Count(churn.Live)} of them live took " +
                              $"{Format.Duration(churn.Microseconds * 1000.0)}: {Format.Count(churn.PerSecond)} allocations per second, with " +
                              $"{Format.Count(churn.Collections)} collections taking {Format.Duration(churn.CollectionMicroseconds * 1000.0)} of it " +
                              $"({Format.Fixed(share, 0)} %).").AppendLine();
            }
            return md.ToString();
        }
    }
}
