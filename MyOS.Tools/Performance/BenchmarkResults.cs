using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace MyOS.Tools.Performance
{
    /// <summary>
    /// Every case BenchmarkDotNet measured in one run, read from its *-report-brief.json files
    /// (one per benchmark class): class, method, parameters and statistics in ns. A case's time
    /// is the median of its iterations, which a neighbour's burst of load on a shared machine
    /// moves less than the mean.
    /// </summary>
    public sealed class BenchmarkResults
    {
        /// <summary>One measured case.</summary>
        /// <param name="Type">The benchmark class, e.g. "HeapBenchmarks".</param>
        /// <param name="Method">The benchmark method.</param>
        /// <param name="Parameters">Its [Params] values by name, as BenchmarkDotNet prints them.</param>
        /// <param name="Median">The median iteration, ns per operation.</param>
        /// <param name="Mean">The mean iteration.</param>
        /// <param name="StandardDeviation">The iterations' standard deviation.</param>
        public sealed record Case(string Type, string Method, IReadOnlyDictionary<string, string> Parameters,
            double Median, double Mean, double StandardDeviation);

        private readonly List<Case> _cases;

        private BenchmarkResults(List<Case> cases, string runtime, string architecture)
        {
            _cases = cases;
            Runtime = runtime;
            Architecture = architecture;
        }

        /// <summary>Every case, in the order the files list them.</summary>
        public IReadOnlyList<Case> Cases => _cases;

        /// <summary>The .NET runtime the benchmarks ran on ("?" when unknown).</summary>
        public string Runtime { get; }

        /// <summary>The host's architecture ("X64").</summary>
        public string Architecture { get; }

        /// <summary>The cases a section of the report has shown (the rest go to "other benchmarks").</summary>
        public HashSet<Case> Shown { get; } = new HashSet<Case>();

        /// <summary>Reads every results/*-report-brief.json below <paramref name="artifacts"/>; none gives an empty set.</summary>
        public static BenchmarkResults Load(string artifacts)
        {
            var cases = new List<Case>();
            string runtime = "?", architecture = "?";
            string results = Path.Combine(artifacts, "results");
            IEnumerable<string> files = Directory.Exists(results)
                ? Directory.GetFiles(results, "*-report-brief.json").OrderBy(f => f, StringComparer.Ordinal)
                : Enumerable.Empty<string>();
            foreach (string file in files)
            {
                using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
                JsonElement top = document.RootElement;
                if (top.TryGetProperty("HostEnvironmentInfo", out JsonElement host))
                {
                    runtime = Text(host, "RuntimeVersion") ?? runtime;
                    architecture = Text(host, "Architecture") ?? architecture;
                }
                foreach (JsonElement benchmark in top.GetProperty("Benchmarks").EnumerateArray())
                {
                    if (!benchmark.TryGetProperty("Statistics", out JsonElement statistics) ||
                        statistics.ValueKind != JsonValueKind.Object || !statistics.TryGetProperty("Mean", out JsonElement mean))
                    {
                        continue; // a case that failed has no statistics
                    }

                    var parameters = new Dictionary<string, string>();
                    foreach (string pair in (Text(benchmark, "Parameters") ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
                    {
                        int equals = pair.IndexOf('=');
                        if (equals > 0)
                            parameters[pair[..equals]] = pair[(equals + 1)..];
                    }
                    cases.Add(new Case(Text(benchmark, "Type"), Text(benchmark, "Method"), parameters,
                        statistics.TryGetProperty("Median", out JsonElement median) ? median.GetDouble() : mean.GetDouble(),
                        mean.GetDouble(),
                        statistics.TryGetProperty("StandardDeviation", out JsonElement sd) ? sd.GetDouble() : 0));
                }
            }
            return new BenchmarkResults(cases, runtime, architecture);
        }

        /// <summary>
        /// The case of <paramref name="type"/>.<paramref name="method"/> whose parameters include
        /// all of <paramref name="parameters"/> ("Live", 1000, ...), marked as shown; null if none.
        /// </summary>
        public Case Find(string type, string method, params object[] parameters)
        {
            foreach (Case c in _cases)
            {
                if (c.Type != type || c.Method != method)
                    continue;
                bool all = true;
                for (int i = 0; i + 1 < parameters.Length; i += 2)
                {
                    if (!c.Parameters.TryGetValue((string)parameters[i], out string value) ||
                        value != Convert.ToString(parameters[i + 1], System.Globalization.CultureInfo.InvariantCulture))
                    {
                        all = false;
                        break;
                    }
                }
                if (all)
                {
                    Shown.Add(c);
                    return c;
                }
            }
            return null;
        }

        /// <summary>The median of the case <see cref="Find"/> finds, or null.</summary>
        public double? Median(string type, string method, params object[] parameters) =>
            Find(type, method, parameters)?.Median;

        private static string Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
