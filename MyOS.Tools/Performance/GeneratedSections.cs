using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace MyOS.Tools.Performance
{
    /// <summary>
    /// A Markdown page that people and the report both write. The report owns only the text
    /// between `&lt;!-- generated: NAME --&gt;` and `&lt;!-- end generated: NAME --&gt;`; everything
    /// outside those markers (hand-measured sections, notes) is kept as it is. A section the page
    /// does not have yet is added at its end, markers included. Markers that do not pair up stop
    /// the report, so a mistyped marker never costs hand-written text.
    /// </summary>
    public static class GeneratedSections
    {
        private static readonly Regex s_marker = new Regex(@"^<!-- (end )?generated: ([a-z0-9-]+) -->$");

        /// <summary>The start marker of section <paramref name="name"/>.</summary>
        public static string Start(string name) => $"<!-- generated: {name} -->";

        /// <summary>The end marker of section <paramref name="name"/>.</summary>
        public static string End(string name) => $"<!-- end generated: {name} -->";

        /// <summary>
        /// <paramref name="page"/> with each section of <paramref name="sections"/> (name -> Markdown)
        /// put between its markers. Throws <see cref="FormatException"/> on a start marker without
        /// its end (or the reverse), a nested or repeated section.
        /// </summary>
        public static string Replace(string page, IReadOnlyList<(string Name, string Text)> sections)
        {
            var replacements = new Dictionary<string, string>();
            foreach ((string name, string text) in sections)
                replacements[name] = text.Trim('\n');
            var seen = new HashSet<string>();
            var output = new StringBuilder();
            string open = null;
            int lineNumber = 0;
            foreach (string line in page.Replace("\r\n", "\n").Split('\n'))
            {
                lineNumber++;
                Match marker = s_marker.Match(line.Trim());
                if (!marker.Success)
                {
                    // Inside a section the old text is dropped: the report writes it anew
                    // (a section the report no longer writes keeps its old text).
                    if (open == null || !replacements.ContainsKey(open))
                        output.Append(line).Append('\n');
                    continue;
                }
                string name = marker.Groups[2].Value;
                bool isEnd = marker.Groups[1].Success;
                if (!isEnd)
                {
                    if (open != null)
                        throw new FormatException($"line {lineNumber}: section '{name}' starts inside section '{open}'");
                    if (!seen.Add(name))
                        throw new FormatException($"line {lineNumber}: section '{name}' appears twice");
                    open = name;
                    output.Append(line).Append('\n');
                    if (replacements.TryGetValue(name, out string text))
                        output.Append(text).Append('\n');
                }
                else
                {
                    if (open != name)
                        throw new FormatException($"line {lineNumber}: the end of section '{name}' without its start");
                    open = null;
                    output.Append(line).Append('\n');
                }
            }
            if (open != null)
                throw new FormatException($"section '{open}' has no end marker ({End(open)})");
            string result = output.ToString().TrimEnd('\n') + "\n";
            foreach ((string name, string text) in sections)
            {
                if (!seen.Contains(name))
                    result += $"\n{Start(name)}\n{text.Trim('\n')}\n{End(name)}\n";
            }
            return result;
        }
    }
}
