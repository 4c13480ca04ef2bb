using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace MyOS.Tools.Performance
{
    /// <summary>
    /// The page allocator on the host: `PageAllocatorBenchmarks` (ours, repeated and cold, against
    /// the byte map) and `PageHostMallocBenchmarks`, a table per layout and two plots against the
    /// map's size.
    /// </summary>
    public static class PageAllocatorSection
    {
        /// <summary>The section's Markdown; writes its plots into <paramref name="plots"/>.</summary>
        public static string Write(ReportData data, string plots)
        {
            var md = new StringBuilder();
            md.AppendLine("## Page allocator (host)").AppendLine();
            md.AppendLine("`PageAllocatorBenchmarks`: MyOS's `PageAllocator` (bitmap with a summary per 512-page group) against " +
                "`ByteMapPageAllocator` (one byte per page, linear first-fit scan, as Cosmos's RAT) on the same map in the same process, " +
                "and `PageHostMallocBenchmarks`: the host's `aligned_alloc` of the same number of 4 KiB-aligned pages (no map, so one " +
                "figure per size; glibc's own dynamic thresholds decide between its heap and mmap for large requests). One usable region " +
                "of 1, 4 or 64 GiB. **Random50**: every page below the top 4 MiB used or free by a fair coin; the top 4 MiB free, so a run " +
                "of 64 or 512 pages is found only there, after a whole-map search. **Low75Used**: the lowest 75 % used. Each call " +
                "allocates n pages and frees them: times are per alloc+free pair. Ratio = baseline / ours. Ours is timed two ways. " +
                "**Repeated** (`Bitmap`): the same request again and again; for 2 or more pages the run hint of the request's length " +
                "class (`RunHints`: no run of L free pages starts below it) starts each search just below the run the previous call " +
                "found and freed, so the Random50 rows of 8, 64 and 512 pages benefit from the hint and do not search from the bottom " +
                "of the map. The Low75Used rows gain nothing from it: there the search already starts at the first group with a free " +
                "page (the single-page hint), where the run is. **Cold search** (`BitmapColdSearch`): the run hints are reset before " +
                "every call, so every search for 2 or more pages starts at the bottom of memory, as the first request on a fresh map " +
                "does: the summary's whole-map search. Single pages have no run hints (they use the non-empty-group hint in both), so " +
                "their two columns differ only by noise. The byte map has no hints: every call scans from the bottom.");
            md.AppendLine();
            foreach (string layout in new[] { "Random50", "Low75Used" })
            {
                md.AppendLine($"### {layout}").AppendLine();
                md.AppendLine("| map | pages | ours, repeated | ± | ours, cold search | byte map | ratio (repeated) | ratio (cold) | host malloc | ratio (repeated) |");
                md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
                foreach (int g in ReportData.MapsGiB)
                {
                    foreach (int n in ReportData.RunPages)
                    {
                        BenchmarkResults.Case o = data.Benchmarks.Find(ReportData.Pages, "Bitmap", "MapGiB", g, "Pages", n, "Layout", layout);
                        if (o == null)
                            continue;
                        double? b = data.PageTime("ByteMap", g, n, layout), c = data.PageTime("BitmapColdSearch", g, n, layout);
                        double? m = data.PageMallocTime(n);
                        md.AppendLine($"| {g} GiB | {n} | {Format.Duration(o.Median)} | {Format.Duration(o.StandardDeviation)} | {Format.Duration(c)} | " +
                            $"{Format.Duration(b)} | {Format.Ratio(b, o.Median)} | {Format.Ratio(b, c)} | {Format.Duration(m)} | {Format.Ratio(m, o.Median)} |");
                    }
                }

                md.AppendLine();
            }

            var gibTicks = ReportData.MapsGiB.Select(g => ((double)g, $"{g} GiB")).ToList();
            // The search's growth is the cold search (run hints reset each call); the repeated
            // request, which the hint serves near its last run, is drawn lighter.
            var contiguous = new LinePlot
            {
                Title = "Contiguous alloc+free, 50 % random map (cold: whole-map search)",
                XLabel = "memory map size (log)",
                YLabel = "time per alloc+free (log)",
                XTicks = gibTicks,
            };
            foreach ((int n, bool dashed) in new[] { (64, false), (512, true) })
            {
                var o = Points(data, "BitmapColdSearch", n, "Random50");
                var b = Points(data, "ByteMap", n, "Random50");
                var r = Points(data, "Bitmap", n, "Random50");
                if (o != null && b != null)
                {
                    contiguous.Add(new LinePlot.Series($"ours cold, {n} pages", o, LinePlot.Ours, dashed));
                    if (r != null)
                        contiguous.Add(new LinePlot.Series($"ours repeated, {n} p.", r, LinePlot.OursLight, dashed, Width: 1.5f));
                    contiguous.Add(new LinePlot.Series($"byte map, {n} pages", b, LinePlot.Baseline, dashed));
                    contiguous.Add(new LinePlot.Series($"O(groups) from 1 GiB, {n} p.",
                        ReportData.MapsGiB.Select(g => ((double)g, o[0].Y * g)).ToList(), LinePlot.Prediction, true, false, 1.5f));
                }
                if (data.PageMallocTime(n) is double malloc)
                {
                    contiguous.Add(new LinePlot.Series($"host malloc, {n} pages", ReportData.MapsGiB.Select(g => ((double)g, malloc)).ToList(),
                        LinePlot.Malloc, dashed, false));
                }
            }
            var small = new LinePlot
            {
                Title = "1- and 8-page alloc+free (repeated) against memory size",
                XLabel = "memory map size (log)",
                YLabel = "time per alloc+free (log)",
                XTicks = gibTicks,
            };
            foreach ((int n, bool dashed) in new[] { (1, false), (8, true) })
            {
                var o = Points(data, "Bitmap", n, "Random50");
                var b = Points(data, "ByteMap", n, "Random50");
                var ol = Points(data, "Bitmap", n, "Low75Used");
                var bl = Points(data, "ByteMap", n, "Low75Used");
                if (o != null && b != null && ol != null && bl != null)
                {
                    small.Add(new LinePlot.Series($"ours, {n} p., Random50", o, LinePlot.Ours, dashed));
                    small.Add(new LinePlot.Series($"byte map, {n} p., Random50", b, LinePlot.Baseline, dashed));
                    small.Add(new LinePlot.Series($"ours, {n} p., Low75Used", ol, LinePlot.OursLight, dashed));
                    small.Add(new LinePlot.Series($"byte map, {n} p., Low75Used", bl, LinePlot.BaselineLight, dashed));
                }
                if (data.PageMallocTime(n) is double malloc)
                {
                    small.Add(new LinePlot.Series($"host malloc, {n} p.", ReportData.MapsGiB.Select(g => ((double)g, malloc)).ToList(),
                        LinePlot.Malloc, dashed, false));
                }
            }
            if (contiguous.HasSeries)
            {
                contiguous.Save(Path.Combine(plots, "pages-contiguous-vs-memory.png"));
                md.AppendLine("![contiguous allocation against memory size](plots/pages-contiguous-vs-memory.png)").AppendLine();
                md.AppendLine("Grey: ours cold at 1 GiB scaled linearly with the number of 512-page groups, what the summary predicts; " +
                              "light blue: the repeated request, which the run hint serves.").AppendLine();
                md.AppendLine(ScalingText(data)).AppendLine();
            }
            if (small.HasSeries)
            {
                small.Save(Path.Combine(plots, "pages-small-vs-memory.png"));
                md.AppendLine("![single pages and 8 pages against memory size](plots/pages-small-vs-memory.png)").AppendLine();
                md.AppendLine("Single pages stay flat for the bitmap whatever the map size and whatever is used below (the hint and the " +
                    "non-empty-group bits skip full memory). The byte map is fast only when a free page sits near the bottom (Random50) and " +
                    "grows with the used memory (Low75Used). The 8-page lines of ours are the repeated request, which starts at the 8-page " +
                    "run hint (see the table for the cold search).");
            }
            return md.ToString();
        }

        // The points of one method over the map sizes, or null when a size is missing.
        private static List<(double X, double Y)> Points(ReportData data, string method, int pages, string layout)
        {
            var points = ReportData.MapsGiB.Select(g => ((double)g, data.PageTime(method, g, pages, layout))).ToList();
            return points.All(p => p.Item2.HasValue) ? points.Select(p => (p.Item1, p.Item2.Value)).ToList() : null;
        }

        private static string ScalingText(ReportData data)
        {
            var parts = new List<string>();
            foreach (int n in new[] { 64, 512 })
            {
                var o = Points(data, "BitmapColdSearch", n, "Random50");
                var b = Points(data, "ByteMap", n, "Random50");
                if (o == null || b == null)
                    continue;
                parts.Add($"{n} pages: ours (cold search) {string.Join(" / ", o.Select(p => Format.Duration(p.Y)))} at 1 / 4 / 64 GiB " +
                          $"({o[2].Y / o[0].Y:0}x from 1 to 64 GiB, where the map grows 64x), the byte map " +
                          $"{string.Join(" / ", b.Select(p => Format.Duration(p.Y)))} ({b[2].Y / b[0].Y:0}x)");
            }
            if (parts.Count == 0)
                return "";
            return "A search that must cross the whole map is linear in the map for both allocators; the summary changes the constant, " +
                   "one 8-byte summary per 512 pages instead of 512 bytes. These are the cold searches (`BitmapColdSearch`: run hints " +
                   "reset before every call, so each search starts at the bottom of memory); the repeated request (`Bitmap`) starts at " +
                   "its run hint near the top and does not grow with the map. " + string.Join("; ", parts) +
                   ". Growth no faster than the grey O(groups) line (within the run's noise) is what the summary structure predicts; " +
                   "the gap between ours and the byte map is the constant factor.";
        }
    }
}
