using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// The banner's memory line, GRUB's own view of RAM before the kernel touches it:
    /// "Memory: 127 MiB usable RAM reported by GRUB (mem_lower 639 KiB, mem_upper 129920 KiB)".
    /// </summary>
    /// <param name="UsableMiB">All of GRUB's "available" map entries, rounded down to MiB.</param>
    /// <param name="MemLowerKiB">Multiboot's mem_lower: conventional memory below 1 MiB.</param>
    /// <param name="MemUpperKiB">Multiboot's mem_upper: RAM from 1 MiB up to the first hole.</param>
    public sealed record BannerMemory(ulong UsableMiB, ulong MemLowerKiB, ulong MemUpperKiB)
    {
        private static readonly Regex s_line = new Regex(
            @"^Memory: (\d+) MiB usable RAM reported by GRUB \(mem_lower (\d+) KiB, mem_upper (\d+) KiB\)", RegexOptions.Multiline);

        /// <summary>Finds the memory line in <paramref name="bootText"/> (the output up to the first prompt).</summary>
        public static BannerMemory Parse(string bootText)
        {
            Match match = s_line.Match(bootText ?? "");
            if (!match.Success)
                throw new FormatException("The boot output has no line \"Memory: N MiB usable RAM reported by GRUB (mem_lower L KiB, mem_upper U KiB)\".");
            return new BannerMemory(Number(match.Groups[1]), Number(match.Groups[2]), Number(match.Groups[3]));
        }

        private static ulong Number(Group group) => ulong.Parse(group.Value, CultureInfo.InvariantCulture);
    }
}
