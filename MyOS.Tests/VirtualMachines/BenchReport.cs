using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// The table the shell's `bench` prints: one row per workload, "heap, 4..1000 B, 1000 live
    /// 7832  52746  x6.7": the workload, ours and the baseline in cycles per alloc+free pair, and
    /// baseline / ours in tenths, rounded down. The one parser of that table (the tests and the
    /// performance report both read it).
    /// </summary>
    /// <param name="Rows">The workload rows, in the order printed.</param>
    public sealed record BenchReport(IReadOnlyList<BenchReport.Row> Rows)
    {
        /// <summary>A row: label, ours, baseline, the ratio as printed ("x6.7" is 67 tenths).</summary>
        private static readonly Regex s_row = new Regex(@"^(\S.*?)\s+(\d+)\s+(\d+)\s+x(\d+)\.(\d)$");

        /// <summary>One workload of the table.</summary>
        /// <param name="Workload">The label, e.g. "heap, 4..1000 B, 1000 live".</param>
        /// <param name="Ours">MyOS's allocator, cycles per alloc+free pair.</param>
        /// <param name="Baseline">The baseline compiled into the same kernel, cycles per pair.</param>
        /// <param name="PrintedRatioTenths">The ratio the kernel printed, in tenths.</param>
        public sealed record Row(string Workload, ulong Ours, ulong Baseline, ulong PrintedRatioTenths)
        {
            /// <summary>What the workload allocates: the label up to its first comma ("pages", "heap").</summary>
            public string Allocator => Workload.Split(',')[0];
        }

        /// <summary>Reads the rows among <paramref name="lines"/> (other lines, the header and the prompt, are skipped).</summary>
        public static BenchReport Parse(IEnumerable<string> lines)
        {
            var rows = new List<Row>();
            foreach (string line in lines)
            {
                Match match = s_row.Match(line.Trim());
                if (!match.Success)
                    continue;
                rows.Add(new Row(match.Groups[1].Value.Trim(),
                    ulong.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
                    ulong.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture),
                    ulong.Parse(match.Groups[4].Value + match.Groups[5].Value, CultureInfo.InvariantCulture)));
            }
            return new BenchReport(rows);
        }

        /// <summary>Reads the rows in <paramref name="text"/>, the serial output of one `bench`.</summary>
        public static BenchReport Parse(string text) =>
            Parse(text.Replace("\r", "").Split('\n'));

        /// <summary>The rows of one allocator ("pages", "heap").</summary>
        public IEnumerable<Row> Of(string allocator) => Rows.Where(row => row.Allocator == allocator);
    }
}
