using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// The totals `meminfo` prints ("pages total:       32736 pages (127 MiB)", "heap size:  65536 bytes" and so on),
    /// and, where printed, the used pages by owner and the page-table root.
    /// </summary>
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
        /// <summary>An owner's line under "pages by owner:", indented: "  heap:   16 pages (64 KiB), lowest run at 0xB000".</summary>
        private static readonly Regex s_owner =
            new Regex(@"^  ([a-z][a-z ,()]*):\s+(\d+) pages \([^)]*\)(?:, lowest run at 0x([0-9A-Fa-f]+))?$");
        private static readonly Regex s_root = new Regex(@"^page table root:\s+0x([0-9A-Fa-f]+) \(CR3\)$");

        /// <summary>Used pages of each owner meminfo lists ("page tables", "heap", "allocator metadata", ...); empty if it printed none.</summary>
        public IReadOnlyDictionary<string, ulong> PagesByOwner { get; init; } = new Dictionary<string, ulong>();

        /// <summary>The physical address of each owner's lowest run, for owners with pages.</summary>
        public IReadOnlyDictionary<string, ulong> LowestRunByOwner { get; init; } = new Dictionary<string, ulong>();

        /// <summary>The page-table root CR3 holds, or null if meminfo did not print it.</summary>
        public ulong? PageTableRoot { get; init; }

        /// <summary>Parses the lines `meminfo` printed; throws if one of the totals is missing.</summary>
        public static MemInfoReport Parse(IEnumerable<string> lines)
        {
            var values = new Dictionary<string, ulong>();
            var owners = new Dictionary<string, ulong>();
            var lowest = new Dictionary<string, ulong>();
            ulong? root = null;
            foreach (string raw in lines)
            {
                string line = raw.TrimEnd();
                Match owner = s_owner.Match(line);
                if (owner.Success)
                {
                    string name = owner.Groups[1].Value;
                    owners[name] = ulong.Parse(owner.Groups[2].Value, CultureInfo.InvariantCulture);
                    if (owner.Groups[3].Success)
                        lowest[name] = ulong.Parse(owner.Groups[3].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    continue;
                }
                Match cr3 = s_root.Match(line.Trim());
                if (cr3.Success)
                    root = ulong.Parse(cr3.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                Match match = s_line.Match(line.Trim());
                if (match.Success)
                    values[match.Groups[1].Value] = ulong.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            }
            return new MemInfoReport(Get(values, "pages total"), Get(values, "pages usable"), Get(values, "pages free"),
                Get(values, "pages used"), Get(values, "largest free run"), Get(values, "heap size"))
            {
                PagesByOwner = owners,
                LowestRunByOwner = lowest,
                PageTableRoot = root,
            };
        }

        private static ulong Get(Dictionary<string, ulong> values, string name) =>
            values.TryGetValue(name, out ulong value) ? value
            : throw new FormatException($"meminfo printed no \"{name}: N\" line.");
    }
}
