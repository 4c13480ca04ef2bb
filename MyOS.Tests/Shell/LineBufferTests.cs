using MyOS.Shell.Editing;
using Xunit;

namespace MyOS.Tests.Shell
{
    /// <summary>The line-edit model: each readline edit's text, cursor and first changed position.</summary>
    public sealed class LineBufferTests
    {
        private static LineBuffer Line(string text, int cursor)
        {
            var line = new LineBuffer(16);
            line.Insert(text);
            line.MoveTo(cursor);
            return line;
        }

        [Fact]
        public void InsertInTheMiddle_ShiftsTheRest()
        {
            LineBuffer line = Line("helo", 3);
            Assert.Equal(3, line.Insert('l'));
            Assert.Equal("hello", line.ToString());
            Assert.Equal(4, line.Cursor);
        }

        [Fact]
        public void FullLine_RefusesMore_AndStaysAsItWas()
        {
            LineBuffer line = Line("0123456789abcdef", 16);
            Assert.Equal(LineBuffer.Unchanged, line.Insert('x'));
            Assert.Equal(LineBuffer.Unchanged, line.Insert("xy"));
            Assert.Equal("0123456789abcdef", line.ToString());
        }

        [Fact]
        public void BackspaceAndDelete()
        {
            LineBuffer line = Line("abc", 1);
            Assert.Equal(0, line.DeleteBefore());
            Assert.Equal("bc", line.ToString());
            Assert.Equal(LineBuffer.Unchanged, line.DeleteBefore());
            Assert.Equal(0, line.DeleteAt());
            Assert.Equal("c", line.ToString());
            line.MoveTo(1);
            Assert.Equal(LineBuffer.Unchanged, line.DeleteAt());
        }

        [Fact]
        public void KillsAndYank_AsReadline()
        {
            LineBuffer line = Line("pmalloc 12 34", 10);
            Assert.Equal(10, line.KillToEnd());          // Ctrl-K
            Assert.Equal("pmalloc 12", line.ToString());
            Assert.Equal(8, line.KillWordBefore());      // Ctrl-W
            Assert.Equal("pmalloc ", line.ToString());
            Assert.Equal(8, line.Cursor);
            Assert.Equal(8, line.Yank());                // Ctrl-Y brings "12" back
            Assert.Equal("pmalloc 12", line.ToString());
            line.MoveTo(3);
            Assert.Equal(0, line.KillToStart());         // Ctrl-U
            Assert.Equal("lloc 12", line.ToString());
            Assert.Equal(0, line.Cursor);
        }

        [Fact]
        public void KillWord_TakesTheSpacesBeforeTheCursorToo()
        {
            LineBuffer line = Line("echo one   ", 11);
            line.KillWordBefore();
            Assert.Equal("echo ", line.ToString());
        }

        [Fact]
        public void WordMoves_SkipSpacesThenAWord()
        {
            LineBuffer line = Line("ab  cd ef", 9);
            Assert.Equal(7, line.WordStartBefore(9));
            Assert.Equal(4, line.WordStartBefore(7));
            Assert.Equal(0, line.WordStartBefore(4));
            Assert.Equal(2, line.WordEndAfter(0));
            Assert.Equal(6, line.WordEndAfter(2));
            Assert.Equal(9, line.WordEndAfter(6));
        }

        [Fact]
        public void Replace_ReportsTheFirstDifference_AndPutsTheCursorAtTheEnd()
        {
            LineBuffer line = Line("echo hi", 2);
            Assert.Equal(5, line.Replace("echo there"));
            Assert.Equal(10, line.Cursor);
            Assert.Equal(LineBuffer.Unchanged, line.Replace("echo there"));
            Assert.Equal(0, line.Replace(""));
            Assert.Equal(0, line.Length);
        }

        [Fact]
        public void MoveTo_ClampsToTheLine()
        {
            LineBuffer line = Line("abc", 1);
            line.MoveTo(-5);
            Assert.Equal(0, line.Cursor);
            line.MoveTo(99);
            Assert.Equal(3, line.Cursor);
        }
    }
}
