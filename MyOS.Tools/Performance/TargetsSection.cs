using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MyOS.Tools.Performance
{
    /// <summary>
    /// The project's targets against this run's numbers: one row per target (anchor, target,
    /// measured, verdict) and, below the table, why each verdict came out as it did. A target
    /// whose cases did not run is left out.
    /// </summary>
    public static class TargetsSection
    {
        /// <summary>One target: what, the published anchor, the goal, the measurement, met or not, why.</summary>
        public sealed record Verdict(string What, string Anchor, string Goal, string Measured, string Outcome, string Reason);

        /// <summary>The targets this run could judge.</summary>
        public static List<Verdict> Judge(ReportData data)
        {
            var verdicts = new List<Verdict>();
            const string scanAnchor = "byte-per-page scan (Cosmos RAT)";

            var single = ReportData.MapsGiB.SelectMany(g => new[] { "Random50", "Low75Used" }.Select(l => (g, t: data.PageTime("Bitmap", g, 1, l))))
                .Where(x => x.t.HasValue).ToList();
            var single4 = single.Where(x => x.g == 4).Select(x => x.t.Value).ToList();
            if (single4.Count > 0)
            {
                double worst = single4.Max();
                verdicts.Add(new Verdict("4 KiB page alloc, free", "LLFree 46 / 41 ns user space, Linux buddy ~91 ns", "<= 40 ns each on the host",
                    $"alloc+free pair {Format.Duration(single4.Min())}-{Format.Duration(worst)} at 4 GiB (all maps: up to " +
                    $"{Format.Duration(single.Max(x => x.t.Value))}); host malloc of 4 KiB: {Format.Duration(data.PageMallocTime(1))} per pair",
                    worst <= 40 ? "met" : worst <= 80 ? "not shown" : "not met",
                    worst <= 40 ? "the benchmark times a whole alloc+free pair, so each half is below the pair's time"
                        : "the pair takes more than 40 ns in this run; the benchmark does not time the halves apart"));
            }
            foreach (int n in new[] { 8, 64, 512 })
            {
                // The verdict is on the benchmark as it runs (Bitmap: the same request repeated, so
                // the run hint of its length class helps from the second call on); the cold
                // whole-map search (hints forgotten before every call) is given beside it.
                double? b = data.PageTime("ByteMap", 4, n, "Random50"), o = data.PageTime("Bitmap", 4, n, "Random50");
                double? c = data.PageTime("BitmapColdSearch", 4, n, "Random50");
                if (b is not double byteMap || o is not double ours)
                    continue;
                double x = byteMap / ours;
                string cold = c.HasValue ? $"; cold search (hints reset each call) {Format.Duration(c)}: {Format.Ratio(b, c)}" : "";
                string why = n == 8
                    ? "a free run of 8 pages occurs within the first few groups of a 50 % map, so the byte map's scan stops after a few " +
                      "thousand bytes; the repeated request benefits from the run hint (its search starts at the 8-page class's hint, " +
                      "just below the run the previous call freed, and usually reads one bitmap word); the cold search reaches the same " +
                      "run by passing over the groups below it by their summaries, which costs only a few ns more"
                    : $"this row benefits from the run hint: the previous call's run at the top of memory was freed, and the {n}-page " +
                      "class's hint starts the next search just below it, so the repeated request does not cross the map again; without " +
                      "hints (cold) the summary still skips a group of 512 pages with one 8-byte read where the scan reads 512 bytes";
                if (x < 100)
                {
                    why += "; what is left is the fixed cost of a run's alloc+free pair (taking and releasing the bits, the group's counts, " +
                           "the hint updates), about twice the single-page pair, and the byte map's short scan is less than 100 times that";
                }

                verdicts.Add(new Verdict($"{n}-page contiguous alloc, 50 % fragmented, 4 GiB", scanAnchor, ">= 100x the byte-per-page scan",
                    $"repeated request (run hint) {Format.Duration(o)} vs {Format.Duration(b)}: {Format.Count(x)}x{cold}",
                    x >= 100 ? "met" : "not met", why));
            }
            foreach (int live in new[] { 1000, 10000 })
            {
                double? o = data.HeapTime("BlockAllocatorTree", live, "Uniform"), m = data.HeapTime("HostMalloc", live, "Uniform");
                if (o is not double ours)
                    continue;
                verdicts.Add(new Verdict($"heap alloc+free, 4..1000 B, {Format.Count(live)} live", "glibc 20-35 ns, talc ~21 ns", "<= 50 ns",
                    m is double malloc ? $"{Format.Duration(o)} per pair (host malloc {Format.Duration(m)}, {Format.Fixed(ours / malloc, 1)}x of it)"
                        : Format.Duration(o),
                    ours <= 50 ? "met" : "not met",
                    ours <= 50 ? "met" : "the heap's index work per pair (docs/heap.md) is more than glibc's per-size bins, which give up " +
                                         "address-ordered first fit"));
            }
            {
                double? o = data.HeapTime("BlockAllocatorTree", 10000, "Uniform"), b = data.HeapTime("LinearFirstFit", 10000, "Uniform");
                if (o is double ours && b is double linear)
                {
                    double sd = data.Benchmarks.Find(ReportData.Heap, "BlockAllocatorTree", "Live", 10000, "Sizes", "Uniform").StandardDeviation;
                    verdicts.Add(new Verdict("heap", "linear first fit", ">= 20x faster than linear first fit at 10,000 live",
                        $"{Format.Duration(o)} (± {Format.Duration(sd)}) vs {Format.Duration(b)}: {Format.Fixed(linear / ours, 1)}x (uniform sizes)",
                        linear / ours >= 20 ? "met" : "not met",
                        linear / ours >= 20 ? "an indexed search against an O(n) list walk"
                            : "the list walk at 10,000 live is short enough that the index's constant factor eats most of the gain"));
                }
            }
            if (data.Efficiency.Placements.Count > 0)
            {
                long bad = data.Efficiency.Placements.Sum(p => p.Mismatches), total = data.Efficiency.Placements.Sum(p => p.Operations);
                verdicts.Add(new Verdict("heap", "linear first fit", "same placement as linear first fit",
                    $"{Format.Count(total)} allocations on the benchmark workload, {bad} addresses differ",
                    bad == 0 ? "met" : "not met", "both heaps choose the lowest-address free block that fits"));
            }
            var uniform = data.Efficiency.Fills.Where(f => f.Sizes == "Uniform" && f.Heap == "Block").ToList();
            if (uniform.Count > 0)
            {
                double lowest = uniform.Min(f => f.Efficiency);
                verdicts.Add(new Verdict("heap efficiency at first failure", "dlmalloc / RLSF 97-99 %", ">= 97 %",
                    $"{Format.Fixed(100 * lowest, 2)} % lowest of {uniform.Count} seeds (uniform 4..1000 B, 16 MiB)",
                    lowest >= 0.97 ? "met" : "not met", "block headers, rounding and the smallest block size are all the heap adds"));
            }
            foreach (VmMeasurement.Result vm in data.Vms.Where(v => v.BootSeconds.HasValue && (v.Name is "QEMU" or "Bochs" || v.Uefi)))
            {
                double t = vm.BootSeconds.Value;
                verdicts.Add(new Verdict($"boot to prompt, {vm.Name}{(vm.Name == "QEMU" ? " software emulation" : "")}", "Cosmos: seconds",
                    $"<= {vm.TargetSeconds:0} s", $"{Format.Fixed(t, 2)} s (one boot, wall clock from process start to the first \"> \" on serial)",
                    t <= vm.TargetSeconds ? "met" : "not met",
                    (vm.Uefi ? "includes OVMF's own start-up and GRUB" : "includes BIOS and GRUB") +
                    (t <= vm.TargetSeconds ? "" : $"; one boot, with the emulator sharing the two cores with other builds and VMs " +
                        $"(load average {data.Machine?.LoadAfter ?? "?"} after the host benchmarks)")));
            }
            return verdicts;
        }

        /// <summary>The section's Markdown.</summary>
        public static string Write(ReportData data)
        {
            List<Verdict> verdicts = Judge(data);
            var md = new StringBuilder();
            md.AppendLine("## Targets").AppendLine();
            md.AppendLine("| what | anchor | target | measured | verdict |");
            md.AppendLine("| --- | --- | --- | --- | --- |");
            foreach (Verdict v in verdicts)
                md.AppendLine($"| {v.What} | {v.Anchor} | {v.Goal} | {v.Measured} | **{v.Outcome}** |");
            md.AppendLine().AppendLine("Why, target by target:").AppendLine();
            foreach (Verdict v in verdicts)
                md.AppendLine($"- **{v.What}: {v.Goal}**: {v.Outcome}. {char.ToUpperInvariant(v.Reason[0])}{v.Reason[1..]}.");
            return md.ToString();
        }
    }
}
