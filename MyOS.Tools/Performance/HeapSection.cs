using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace MyOS.Tools.Performance
{
    /// <summary>
    /// The heap on the host: `HeapBenchmarks` (ours, `BlockAllocatorTree`, and the host's malloc)
    /// and `HeapLinearBenchmarks` (the linear first-fit list) per live count and size mix, the
    /// free index's shape where the efficiency run recorded it, three plots, and efficiency at
    /// first failure with placement against the linear list.
    /// </summary>
    public static class HeapSection
    {
        private const string Ours = "BlockAllocatorTree", Linear = "LinearFirstFit", Malloc = "HostMalloc";

        /// <summary>The section's Markdown; writes its plots into <paramref name="plots"/>.</summary>
        public static string Write(ReportData data, string plots)
        {
            var md = new StringBuilder();
            md.AppendLine("## Heap (host)").AppendLine();
            md.AppendLine("`HeapBenchmarks` and `HeapLinearBenchmarks` (one workload, `HeapWorkload`): the live set is allocated, then " +
                "churned into a steady state (max(live, 20,000) pairs, so most blocks have been replaced and the free list holds its usual " +
                "holes); each measured operation frees a random live block and allocates a new random size in its slot, so the live count " +
                "stays fixed; 2,048 pairs per invocation, times per alloc+free pair. Ours is `BlockAllocator` (address-ordered first fit, " +
                "docs/heap.md); the baselines are `LinearFirstFitHeap` (the same placement by walking the address-ordered free list; not " +
                "run at 1,000,000 live, where one case would take minutes) and the host's malloc (`NativeMemory.Alloc`, glibc). Ratio = " +
                "baseline / ours (below 1: the baseline is faster). Free blocks and tree height: the free tree after the same set-up " +
                "(`MyOS.Benchmarks -- --efficiency`), where that run records them.");
            md.AppendLine();
            foreach ((string mix, string label) in ReportData.Mixes)
            {
                md.AppendLine($"### Sizes {label}").AppendLine();
                md.AppendLine("| live blocks | ours | ± | linear first fit | ratio | host malloc | ratio | free blocks | tree height |");
                md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
                foreach (int live in ReportData.Lives)
                {
                    BenchmarkResults.Case o = data.Benchmarks.Find(ReportData.Heap, Ours, "Live", live, "Sizes", mix);
                    if (o == null)
                        continue;
                    double? b = data.HeapTime(Linear, live, mix), m = data.HeapTime(Malloc, live, mix);
                    EfficiencyResults.Shape shape = data.Efficiency.ShapeAt(mix, live);
                    md.AppendLine($"| {Format.Count(live)} | {Format.Duration(o.Median)} | {Format.Duration(o.StandardDeviation)} | {Format.Duration(b)} | " +
                        $"{Format.Ratio(b, o.Median)} | {Format.Duration(m)} | {Format.Ratio(m, o.Median)} | " +
                        $"{(shape == null ? "n/a" : Format.Count(shape.FreeBlocks))} | {shape?.Height.ToString() ?? "n/a"} |");
                }
                md.AppendLine();
            }

            var liveTicks = ReportData.Lives.Select(v => ((double)v, Format.Count(v))).ToList();
            var cost = new LinePlot
            {
                Title = "Heap alloc+free against live blocks",
                XLabel = "live blocks (log)",
                YLabel = "time per alloc+free (log)",
                XTicks = liveTicks
            };
            var height = new LinePlot
            {
                Title = "Work per operation: the free tree's height",
                XLabel = "live blocks (log)",
                YLabel = "levels walked at most",
                XTicks = liveTicks,
                YLog = false,
                YFormat = v => Format.Significant(v)
            };
            var relative = new LinePlot
            {
                Title = "Our heap's time relative to host malloc",
                XLabel = "live blocks (log)",
                YLabel = "ours / host malloc, same live count",
                XTicks = liveTicks,
                YLog = false,
                YFormat = v => Format.Significant(v) + "x"
            };
            foreach ((string mix, bool dashed) in new[] { ("Uniform", false), ("PowerLaw", true) })
            {
                string shortName = mix == "Uniform" ? "uniform" : "power law";
                foreach ((string method, string name, string colour) in new[] { (Ours, "ours", LinePlot.Ours),
                             (Linear, "linear first fit", LinePlot.Baseline), (Malloc, "host malloc", LinePlot.Malloc) })
                {
                    var points = Points(data, method, mix);
                    if (points.Count > 0)
                        cost.Add(new LinePlot.Series($"{name}, {shortName}", points, colour, dashed));
                }
                var shapes = ReportData.Lives.Select(v => data.Efficiency.ShapeAt(mix, v)).Where(s => s != null).ToList();
                if (shapes.Count >= 2)
                {
                    height.Add(new LinePlot.Series($"tree height, {shortName}", shapes.Select(s => ((double)s.Live, (double)s.Height)).ToList(),
                        mix == "Uniform" ? LinePlot.Ours : LinePlot.OursLight, dashed));
                    height.Add(new LinePlot.Series($"log2(free blocks), {shortName}",
                        shapes.Select(s => ((double)s.Live, Math.Log2(s.FreeBlocks + 1))).ToList(), LinePlot.Prediction, dashed, false, 1.5f));
                }
                var ratios = ReportData.Lives.Where(v => data.HeapTime(Ours, v, mix).HasValue && data.HeapTime(Malloc, v, mix).HasValue)
                    .Select(v => ((double)v, data.HeapTime(Ours, v, mix).Value / data.HeapTime(Malloc, v, mix).Value)).ToList();
                if (ratios.Count >= 2)
                    relative.Add(new LinePlot.Series($"ours / malloc, {shortName}", ratios, mix == "Uniform" ? LinePlot.Ours : LinePlot.OursLight, dashed));
            }
            if (cost.HasSeries)
            {
                cost.Save(Path.Combine(plots, "heap-cost-vs-live.png"));
                md.AppendLine("![heap cost against live blocks, all allocators](plots/heap-cost-vs-live.png)").AppendLine();
            }
            if (height.HasSeries)
            {
                height.Save(Path.Combine(plots, "heap-tree-height.png"));
                md.AppendLine("![the free tree's height against live blocks](plots/heap-tree-height.png)").AppendLine();
                md.AppendLine("On a log x axis, logarithmic growth is a straight line (grey: log2 of the free blocks, a perfect tree's depth).").AppendLine();
            }
            if (relative.HasSeries)
            {
                relative.Save(Path.Combine(plots, "heap-tree-log-growth.png"));
                md.AppendLine("![our heap relative to host malloc against live blocks](plots/heap-tree-log-growth.png)").AppendLine();
                md.AppendLine("Malloc's work per pair does not depend on the live count, so this ratio takes the memory system's slow-down " +
                              "out of our time.").AppendLine();
            }
            string growth = GrowthText(data);
            if (growth.Length > 0)
                md.AppendLine(growth).AppendLine();
            WriteEfficiency(data, md);
            return md.ToString();
        }

        private static List<(double X, double Y)> Points(ReportData data, string method, string mix) =>
            ReportData.Lives.Select(v => (v, t: data.HeapTime(method, v, mix))).Where(p => p.t.HasValue)
                .Select(p => ((double)p.v, p.t.Value)).ToList();

        // Time, work (tree height) and time relative to malloc, against the live count.
        private static string GrowthText(ReportData data)
        {
            var lines = new List<string>();
            foreach ((string mix, string label) in ReportData.Mixes)
            {
                var points = Points(data, Ours, mix);
                if (points.Count < 2)
                    continue;
                var steps = points.Zip(points.Skip(1), (a, b) => b.Y - a.Y).ToList();
                var heights = points.Select(p => data.Efficiency.ShapeAt(mix, (int)p.X)).Where(s => s != null).Select(s => (double)s.Height).ToList();
                var malloc = points.Select(p => data.HeapTime(Malloc, (int)p.X, mix)).ToList();
                var text = new StringBuilder($"- {label}: time {string.Join(", ", points.Select(p => $"{Format.Duration(p.Y)} at {Format.Count(p.X)}"))} " +
                    $"(change per 10x live: {string.Join(", ", steps.Select(d => d >= 0 ? "+" + Format.Duration(d) : "-" + Format.Duration(-d)))})");
                if (heights.Count == points.Count)
                    text.Append($"; tree height {string.Join(" / ", heights)}");
                List<double> relative = null;
                if (malloc.All(m => m.HasValue))
                {
                    text.Append($"; host malloc {string.Join(" / ", malloc.Select(m => Format.Duration(m)))} ({Format.Fixed(malloc[^1].Value / malloc[0].Value, 1)}x " +
                                $"from {Format.Count(points[0].X)} to {Format.Count(points[^1].X)} live, with work per pair that does not depend on the live count)");
                    relative = points.Zip(malloc, (p, m) => p.Y / m.Value).ToList();
                    text.Append($"; ours / malloc {string.Join(" / ", relative.Select(r => Format.Fixed(r, 1) + "x"))}");
                }
                lines.Add(text + ".");
                bool grows = Enumerable.Range(0, steps.Count - 1).Any(i => steps[i + 1] > 1.25 * Math.Max(steps[i], 0));
                lines.Add(grows
                    ? "  Time alone: the steps per 10x **increase** in this run, so wall-clock time grows faster than logarithmically over this range."
                    : "  Time alone: the steps per 10x do not increase: growth no faster than logarithmic.");
                if (relative != null && heights.Count == points.Count)
                {
                    double relativeGrowth = relative[^1] / relative[0], heightGrowth = heights[^1] / heights[0];
                    lines.Add(relativeGrowth <= 1.25 * heightGrowth
                        ? $"  Relative to malloc, ours grows {Format.Fixed(relativeGrowth, 1)}x while the tree height grows {Format.Fixed(heightGrowth, 1)}x: " +
                          "the growth beyond the tree's log n levels is the memory system's, which slows malloc as much."
                        : $"  Relative to malloc, ours grows {Format.Fixed(relativeGrowth, 1)}x, more than the tree height ({Format.Fixed(heightGrowth, 1)}x): " +
                          "beyond the memory system's slow-down, each level costs more in a large heap (a level is a likely cache miss, which malloc's bins avoid).");
                }
            }
            if (lines.Count == 0)
                return "";
            return "Our heap against live blocks. Wall-clock time per pair carries the memory system as well as the index's work: from 100 " +
                   "to 1,000,000 live blocks the heap grows from tens of KiB to hundreds of MiB, out of L1 and L2 and past the last-level " +
                   "cache into DRAM and TLB misses; host malloc, whose work per pair is constant, slows down by the same cause (first plot).\n\n" +
                   string.Join("\n", lines) +
                   "\n\nThe linear list, for comparison, grows by about 10x per 10x live once the list is long (first plot).";
        }

        private static void WriteEfficiency(ReportData data, StringBuilder md)
        {
            md.AppendLine("### Efficiency at first failure and placement").AppendLine();
            md.AppendLine("A fixed heap of 16 MiB of pages, random sizes allocated until the first request fails; efficiency = payload bytes " +
                "asked for / heap bytes taken from the pages (`MyOS.Benchmarks -- --efficiency`). The host's malloc has no fixed heap to " +
                "fill, so it has no figure.").AppendLine();
            md.AppendLine("| sizes | seed | ours | linear first fit | blocks |");
            md.AppendLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var group in data.Efficiency.Fills.GroupBy(f => (f.Sizes, f.Seed)))
            {
                EfficiencyResults.Fill ours = group.FirstOrDefault(f => f.Heap == "Block"), linear = group.FirstOrDefault(f => f.Heap == Linear);
                md.AppendLine($"| {ReportData.MixLabel(group.Key.Sizes)} | {group.Key.Seed} | {Percent(ours)} | {Percent(linear)} | {ours?.Blocks.ToString() ?? ""} |");
            }
            md.AppendLine().AppendLine("The power-law mix has no target: most of its requests are small, and each takes a whole smallest block.").AppendLine();
            if (data.Efficiency.Placements.Count == 0)
                return;
            md.AppendLine("Placement: both heaps ran the benchmark's workload side by side on pools of the same size, and every allocation's " +
                          "offset was compared:").AppendLine();
            md.AppendLine("| sizes | live | allocations | addresses that differ |");
            md.AppendLine("| --- | ---: | ---: | ---: |");
            foreach (EfficiencyResults.Placement p in data.Efficiency.Placements)
                md.AppendLine($"| {ReportData.MixLabel(p.Sizes)} | {Format.Count(p.Live)} | {Format.Count(p.Operations)} | {p.Mismatches} |");
        }

        private static string Percent(EfficiencyResults.Fill fill) => fill == null ? "n/a" : Format.Fixed(100 * fill.Efficiency, 2) + " %";
    }
}
