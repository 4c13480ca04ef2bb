using System.Linq;
using System.Text;

namespace MyOS.Tools.Performance
{
    /// <summary>
    /// Every benchmark case no other section showed, one table per benchmark class (its
    /// parameters, method, median and spread), so a newly added benchmark is in the report from
    /// its first run. Must run after the other sections, which mark what they showed.
    /// </summary>
    public static class OtherBenchmarksSection
    {
        /// <summary>The section's Markdown; empty when every case was shown elsewhere.</summary>
        public static string Write(ReportData data)
        {
            var rest = data.Benchmarks.Cases.Where(c => !data.Benchmarks.Shown.Contains(c)).ToList();
            if (rest.Count == 0)
                return "";
            var md = new StringBuilder();
            md.AppendLine("## Other benchmarks (host)").AppendLine();
            md.AppendLine("Every case of `MyOS.Benchmarks` that the sections above do not show, as BenchmarkDotNet measured it in this run " +
                          "(median and standard deviation of the iterations, per operation).").AppendLine();
            foreach (var type in rest.GroupBy(c => c.Type))
            {
                string[] parameters = type.SelectMany(c => c.Parameters.Keys).Distinct().ToArray();
                md.AppendLine($"### {type.Key}").AppendLine();
                md.AppendLine("| " + string.Join(" | ", parameters.Append("method").Append("median").Append("±")) + " |");
                md.AppendLine("|" + string.Concat(Enumerable.Repeat(" ---: |", parameters.Length)) + " --- | ---: | ---: |");
                foreach (BenchmarkResults.Case c in type)
                {
                    var cells = parameters.Select(p => c.Parameters.TryGetValue(p, out string v) ? v : "")
                        .Append(c.Method).Append(Format.Duration(c.Median)).Append(Format.Duration(c.StandardDeviation));
                    md.AppendLine("| " + string.Join(" | ", cells) + " |");
                }
                md.AppendLine();
            }
            return md.ToString();
        }
    }
}
