using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>The totals `meminfo` prints ("pages total:       32736 pages (127 MiB)", "heap size:  65536 bytes" and so on).</summary>
    /// <param name="TotalPages">Pages in the managed range, usable or not.</param>
    /// <param name="UsablePages">Pages the allocator may hand out, free or not.</param>
    /// <param name="FreePages">Usable pages free now.</param>
    /// <param name="UsedPages">Usable pages in use now.</param>
    /// <param name="LargestFreeRun">The longest run of contiguous free pages.</param>
    /// <param name="HeapBytes">Bytes the kernel heap has taken from the page allocator.</param>
    public sealed record MemInfoReport(ulong TotalPages, ulong UsablePages, ulong FreePages, ulong UsedPages, ulong LargestFreeRun,
        ulong HeapBytes)
    {
        private static readonly Regex s_line =
            new Regex(@"^(pages total|pages usable|pages free|pages used|largest free run|heap size):\s+(\d+) (pages|bytes)\b");

        /// <summary>Parses the lines `meminfo` printed; throws if one of the totals is missing.</summary>
        public static MemInfoReport Parse(IEnumerable<string> lines)
        {
            var values = new Dictionary<string, ulong>();
            foreach (string line in lines)
            {
                Match match = s_line.Match(line.Trim());
                if (match.Success)
                    values[match.Groups[1].Value] = ulong.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            }
            return new MemInfoReport(Get(values, "pages total"), Get(values, "pages usable"), Get(values, "pages free"),
                Get(values, "pages used"), Get(values, "largest free run"), Get(values, "heap size"));
        }

        private static ulong Get(Dictionary<string, ulong> values, string name) =>
            values.TryGetValue(name, out ulong value) ? value
            : throw new FormatException($"meminfo printed no \"{name}: N\" line.");
    }
}
