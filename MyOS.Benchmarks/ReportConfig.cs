using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace MyOS.Benchmarks
{
    /// <summary>
    /// The job every MyOS benchmark runs with: 1 launch, 2 warm-up and 15 measured iterations
    /// of 100 ms, so the whole suite stays at about six minutes on two cores; the report uses
    /// the median of the 15, which a neighbour's burst of load on a shared machine moves less. Besides the default
    /// exporters (markdown, HTML, *-report.csv) it writes *-report-brief.json with the raw
    /// statistics in nanoseconds, which the performance report (MyOS.Tools) reads.
    /// Ratios print as "123.45x faster" rather than "0.008".
    /// </summary>
    public sealed class ReportConfig : ManualConfig
    {
        /// <summary>Builds the job, the JSON exporter and the ratio style.</summary>
        public ReportConfig()
        {
            AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(15)
                .WithIterationTime(TimeInterval.FromMilliseconds(100)));
            AddExporter(JsonExporter.Brief);
            SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
        }
    }
}
