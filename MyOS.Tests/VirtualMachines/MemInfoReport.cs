using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>The page allocator's lines of `meminfo` ("pages total:       32736 pages (127 MiB)" and so on).</summary>
    /// <param name="TotalPages">Pages in the managed range, usable or not.</param>
    /// <param name="UsablePages">Pages the allocator may hand out, free or not.</param>
    /// <param name="FreePages">Usable pages free now.</param>
    /// <param name="LargestFreeRun">The longest run of contiguous free pages.</param>
    public sealed record MemInfoReport(ulong TotalPages, ulong UsablePages, ulong FreePages, ulong LargestFreeRun)
    {
        private static readonly Regex s_line = new Regex(@"^(pages total|pages usable|pages free|largest free run):\s+(\d+) pages\b");

        /// <summary>Parses the lines `meminfo` printed; throws if one of the four page lines is missing.</summary>
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
                Get(values, "largest free run"));
        }

        private static ulong Get(Dictionary<string, ulong> values, string name) =>
            values.TryGetValue(name, out ulong value) ? value
            : throw new FormatException($"meminfo printed no \"{name}: N pages\" line.");
    }
}
