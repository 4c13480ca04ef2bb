using System;
using MyOS.Tools.Performance;
using Xunit;

namespace MyOS.Tests.Tools
{
    /// <summary>
    /// The performance report rewrites only its own sections of docs/performance.md: text outside
    /// the generated markers (hand-measured sections) survives every run, and markers that do not
    /// pair up stop the report instead of costing text.
    /// </summary>
    public sealed class GeneratedSectionsTests
    {
        private const string Page =
            "# Performance\n\nIntro by hand.\n\n" +
            "<!-- generated: machine -->\n## Machine\nold table\n<!-- end generated: machine -->\n\n" +
            "## Page ownership\nMeasured by hand: 7.89 ns.\n\n" +
            "<!-- generated: boot-time -->\n## Boot time\nold boot\n<!-- end generated: boot-time -->\n\n" +
            "## Core library\nBy hand too.\n";

        [Fact]
        public void Replace_RewritesOnlyBetweenMarkers_AndKeepsHandWrittenText()
        {
            string result = GeneratedSections.Replace(Page, new[] { ("machine", "## Machine\nnew table\n"), ("boot-time", "## Boot time\n0.58 s") });

            Assert.Equal(Page.Replace("old table", "new table").Replace("old boot", "0.58 s"), result);
        }

        [Fact]
        public void Replace_AddsASectionThePageLacks_AtItsEnd_WithMarkers()
        {
            string result = GeneratedSections.Replace(Page, new[] { ("machine", "## Machine\nnew"), ("kernel-bench", "## bench\nrows") });

            Assert.StartsWith(Page.Replace("old table", "new").TrimEnd('\n'), result);
            Assert.EndsWith("By hand too.\n\n<!-- generated: kernel-bench -->\n## bench\nrows\n<!-- end generated: kernel-bench -->\n", result);
            Assert.Contains("old boot", result); // a section the report did not write keeps its text
        }

        [Theory]
        [InlineData("<!-- generated: machine -->\nhand text\n")]                                             // no end
        [InlineData("hand text\n<!-- end generated: machine -->\n")]                                         // no start
        [InlineData("<!-- generated: a -->\n<!-- generated: b -->\n<!-- end generated: b -->\n<!-- end generated: a -->\n")] // nested
        [InlineData("<!-- generated: a -->\n<!-- end generated: a -->\n<!-- generated: a -->\n<!-- end generated: a -->\n")] // twice
        public void Replace_RefusesMarkersThatDoNotPairUp(string page)
        {
            Assert.Throws<FormatException>(() => GeneratedSections.Replace(page, new[] { ("machine", "new") }));
        }
    }
}
