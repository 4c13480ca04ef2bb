using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// The lines of the shell's `test` command (the shell contract, CommandShell): `PASS name` or
    /// `FAIL name: reason` per test, then `N passed, M failed`; and `test list`, one name per line.
    /// </summary>
    public static class KernelTestOutput
    {
        private static readonly Regex s_result = new Regex(@"^(PASS|FAIL) (\S+?)(?::\s*(.*))?$");
        private static readonly Regex s_summary = new Regex(@"^(\d+) passed, (\d+) failed$");
        private static readonly Regex s_name = new Regex(@"^\S+$");

        /// <summary>
        /// Reads a result line. A test name has no spaces, so the first ": " after it starts the
        /// reason, and a reason may itself hold colons. A FAIL line without a reason still fails.
        /// </summary>
        public static bool TryParseResult(string line, out string name, out bool passed, out string reason)
        {
            Match match = s_result.Match((line ?? "").Trim());
            name = match.Success ? match.Groups[2].Value : null;
            passed = match.Success && match.Groups[1].Value == "PASS";
            reason = !match.Success || passed ? null
                : match.Groups[3].Success && match.Groups[3].Value.Length > 0 ? match.Groups[3].Value
                : "(the kernel gave no reason)";
            return match.Success;
        }

        /// <summary>Reads the last line of a run, "N passed, M failed".</summary>
        public static bool TryParseSummary(string line, out int passed, out int failed)
        {
            Match match = s_summary.Match((line ?? "").Trim());
            passed = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            failed = match.Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
            return match.Success;
        }

        /// <summary>True for any line the `test` command prints: a result or the summary.</summary>
        public static bool IsResultOrSummary(string line) =>
            TryParseResult(line, out _, out _, out _) || TryParseSummary(line, out _, out _);

        /// <summary>
        /// The names `test list` printed, in order. Throws if a line is not a single word or a name
        /// repeats, since the runner would then match results to the wrong test.
        /// </summary>
        public static IReadOnlyList<string> ParseList(IEnumerable<string> lines)
        {
            List<string> names = lines.Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
            string bad = names.FirstOrDefault(name => !s_name.IsMatch(name));
            if (bad != null)
                throw new FormatException($"`test list` printed \"{bad}\", which is not a test name (one word per line expected).");
            string repeated = names.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1)?.Key;
            if (repeated != null)
                throw new FormatException($"`test list` names \"{repeated}\" more than once.");
            return names;
        }
    }
}
