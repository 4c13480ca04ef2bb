using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// The output of `memmap`: the kernel's memory map after it reserved its own memory (regions
    /// of kind "kernel"), one region per line, the bar of physical memory, then
    /// "usable: U bytes (...) of R bytes RAM (...)" and "reserved, not RAM: S bytes (...)".
    /// </summary>
    public sealed class MemoryMapListing
    {
        /// <summary>The region kinds that hold RAM the kernel owns: free for allocation, or its own.</summary>
        public static readonly string[] RamKinds = { "usable", "kernel" };

        private static readonly Regex s_region = new Regex(@"^0x([0-9A-Fa-f]+) - 0x([0-9A-Fa-f]+)\s+(\S+)\s");
        private static readonly Regex s_total = new Regex(@"^usable: (\d+) bytes \([^)]*\) of (\d+) bytes RAM \([^)]*\)$");
        private static readonly Regex s_reserved = new Regex(@"^reserved, not RAM: (\d+) bytes \([^)]*\)$");
        private static readonly Regex s_bar = new Regex(@"^\[([^\]]+)\]$");

        private MemoryMapListing(IReadOnlyList<MemoryMapRegion> regions, ulong usableBytes, ulong ramBytes, ulong reservedBytes, string bar)
        {
            Regions = regions;
            UsableBytes = usableBytes;
            RamBytes = ramBytes;
            ReservedBytes = reservedBytes;
            Bar = bar;
        }

        /// <summary>The regions, in the order printed.</summary>
        public IReadOnlyList<MemoryMapRegion> Regions { get; }

        /// <summary>The last line's usable total.</summary>
        public ulong UsableBytes { get; }

        /// <summary>The last line's RAM: every region that is not of kind "reserved" or "framebuffer".</summary>
        public ulong RamBytes { get; }

        /// <summary>The last line's reserved bytes (regions of kind "reserved": firmware, devices, the emulator's areas; and "framebuffer"), counted apart from RAM.</summary>
        public ulong ReservedBytes { get; }

        /// <summary>The cells of the bar of physical memory (between '[' and ']'), or "" if none was printed.</summary>
        public string Bar { get; }

        /// <summary>
        /// Parses the lines `memmap` printed (without echo and prompt): its region lines and the
        /// usable total; throws on a region line it cannot read or a missing total.
        /// </summary>
        public static MemoryMapListing Parse(IEnumerable<string> lines)
        {
            var regions = new List<MemoryMapRegion>();
            ulong? usable = null, ram = null, reserved = null;
            string bar = "";
            foreach (string raw in lines)
            {
                string line = raw.Trim();
                if (line.Length == 0)
                    continue;
                Match region = s_region.Match(line + " ");
                Match total = s_total.Match(line);
                Match barLine = s_bar.Match(line);
                Match reservedLine = s_reserved.Match(line);
                if (region.Success)
                {
                    ulong first = ulong.Parse(region.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    ulong last = ulong.Parse(region.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    if (last < first)
                        throw new FormatException($"memmap line \"{line}\" ends before it starts.");
                    regions.Add(new MemoryMapRegion(first, last + 1, region.Groups[3].Value));
                }
                else if (total.Success)
                {
                    usable = ulong.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture);
                    ram = ulong.Parse(total.Groups[2].Value, CultureInfo.InvariantCulture);
                }
                else if (reservedLine.Success)
                {
                    reserved = ulong.Parse(reservedLine.Groups[1].Value, CultureInfo.InvariantCulture);
                }
                else if (barLine.Success)
                {
                    bar = barLine.Groups[1].Value;
                }
                else if (line.StartsWith("0x", StringComparison.Ordinal))
                {
                    // Region lines are what the checks count; one the parser cannot read must not go unnoticed.
                    throw new FormatException($"memmap printed \"{line}\", which starts like a region but is not one.");
                }
                // Other lines (a usage bar and its legend) are for people; they hold no region.
            }
            if (usable == null)
                throw new FormatException("memmap printed no \"usable: U bytes (...) of R bytes RAM (...)\" line.");
            if (reserved == null)
                throw new FormatException("memmap printed no \"reserved, not RAM: S bytes (...)\" line.");
            return new MemoryMapListing(regions, usable.Value, ram.Value, reserved.Value, bar);
        }

        /// <summary>Bytes of the regions of <paramref name="kinds"/> inside [<paramref name="from"/>, <paramref name="to"/>).</summary>
        public ulong BytesOf(IEnumerable<string> kinds, ulong from = 0, ulong to = ulong.MaxValue)
        {
            var wanted = new HashSet<string>(kinds, StringComparer.Ordinal);
            ulong sum = 0;
            foreach (MemoryMapRegion region in Regions.Where(region => wanted.Contains(region.Kind)))
                sum += region.BytesWithin(from, to);
            return sum;
        }

        /// <summary>Bytes of the regions of one kind inside [<paramref name="from"/>, <paramref name="to"/>).</summary>
        public ulong BytesOf(string kind, ulong from = 0, ulong to = ulong.MaxValue) => BytesOf(new[] { kind }, from, to);

        /// <summary>One past the last byte of the highest usable region; 0 if there is none.</summary>
        public ulong HighestUsableEnd => Regions.Where(region => region.Kind == "usable").Select(region => region.End).DefaultIfEmpty(0UL).Max();
    }
}
