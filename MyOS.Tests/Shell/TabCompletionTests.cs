using MyOS.Shell.Editing;
using Xunit;

namespace MyOS.Tests.Shell
{
    /// <summary>Tab completion as bash does it, over a fixed set of commands and arguments.</summary>
    public sealed class TabCompletionTests
    {
        private sealed class FakeShell : CompletionSource
        {
            private static readonly string[] s_commands = { "help", "heap", "memmap", "meminfo", "memtest", "test", "echo" };
            private static readonly string[] s_tests = { "list", "pages.contiguous-runs", "pages.exhaust", "heap.stress" };

            public override string[] CandidatesFor(string command, int wordIndex) =>
                wordIndex == 0 || (wordIndex == 1 && command == "help") ? s_commands
                : wordIndex == 1 && command == "test" ? s_tests : null;
        }

        private static (string insert, TabCompletion completion) Complete(string text, int? cursor = null)
        {
            var line = new LineBuffer(64);
            line.Insert(text);
            line.MoveTo(cursor ?? text.Length);
            var completion = new TabCompletion(new FakeShell());
            return (completion.Complete(line), completion);
        }

        [Theory]
        [InlineData("ec", "ho ")]
        [InlineData("echo", " ")]
        [InlineData("mem", "")]         // memmap, meminfo, memtest share only "mem"
        [InlineData("memm", "ap ")]
        [InlineData("  ec", "ho ")]
        [InlineData("help he", "")]     // help, heap
        [InlineData("help mem", "")]
        [InlineData("help ech", "o ")]
        [InlineData("test pa", "ges.")]
        [InlineData("test pages.c", "ontiguous-runs ")]
        [InlineData("test l", "ist ")]
        [InlineData("echo ec", "")]     // echo's arguments are free text
        [InlineData("test list x", "")] // no third word completes
        [InlineData("zz", "")]
        public void CompletesTheWordBeforeTheCursor(string line, string expected)
        {
            Assert.Equal(expected, Complete(line).insert);
        }

        [Fact]
        public void SeveralMatches_AreListedInTheSourcesOrder()
        {
            TabCompletion completion = Complete("me").completion;
            Assert.Equal(3, completion.MatchCount);
            Assert.Equal(new[] { "memmap", "meminfo", "memtest" }, completion.Matches[..3]);
        }

        [Fact]
        public void EmptyWord_MatchesEveryCandidate()
        {
            Assert.Equal(7, Complete("").completion.MatchCount);
            Assert.Equal(4, Complete("test ").completion.MatchCount);
        }

        [Fact]
        public void CursorInsideAWord_CompletesThePartBeforeIt()
        {
            Assert.Equal("ho ", Complete("ecxyz", 2).insert);
        }
    }
}
