using MyOS.Core.Console;
using MyOS.Core.Hardware;
using MyOS.Core.Input;

namespace MyOS.Shell
{
    /// <summary>
    /// Reads one edited line from the input queue (PS/2 keyboard and COM1 together), echoing
    /// to the screen and serial. Keys: printable characters, Backspace (BS or DEL), Delete,
    /// Left/Right, Home/End, Up/Down through the history, Ctrl-C to abandon the line, Enter
    /// (CR, LF or CRLF). On serial the ANSI sequences ESC [ A/B/C/D/H/F and ESC [ 1~/3~/4~ are
    /// understood. A line longer than <see cref="Capacity"/> or holding bytes that are not
    /// printable text is refused with a reason, never silently cut.
    /// </summary>
    public sealed class LineReader
    {
        /// <summary>Longest line accepted, in characters.</summary>
        public const int Capacity = 512;
        /// <summary>Lines kept for Up/Down.</summary>
        public const int HistorySize = 32;

        /// <summary>The characters of the line being edited.</summary>
        private readonly char[] _buffer = new char[Capacity];
        /// <summary>Number of characters in <see cref="_buffer"/>.</summary>
        private int _length;
        /// <summary>Where the next typed character goes (0.._length).</summary>
        private int _cursor;
        /// <summary>Earlier lines, oldest first in ring order; null where empty.</summary>
        private readonly string[] _history = new string[HistorySize];
        /// <summary>Number of lines ever added to the history.</summary>
        private int _historyCount;
        /// <summary>The last byte was CR, so an LF right after it is part of the same Enter.</summary>
        private bool _afterCarriageReturn;
        /// <summary>Screen cell where the line starts (right after the prompt).</summary>
        private int _startColumn, _startRow;

        /// <summary>Why the last line was refused, or null when it was accepted.</summary>
        public string Error { get; private set; }

        /// <summary>Waits for a whole line and returns it; on a refused line returns null and sets <see cref="Error"/>.</summary>
        public string ReadLine()
        {
            _length = _cursor = 0;
            Error = null;
            bool tooLong = false, notText = false;
            int historyPosition = _historyCount;
            TextScreen screen = KernelConsole.Screen;
            _startColumn = screen != null ? screen.Column : 0;
            _startRow = screen != null ? screen.Row : 0;
            while (true)
            {
                int key = ReadKey();
                if (key == 27)
                    key = ReadEscapeSequence();
                bool wasCarriageReturn = _afterCarriageReturn;
                _afterCarriageReturn = key == '\r';
                if (key == '\n' && wasCarriageReturn)
                    continue;
                if (key == '\r' || key == '\n')
                {
                    _cursor = _length;
                    KernelConsole.WriteLine();
                    if (tooLong)
                        Error = "the line is longer than 512 characters";
                    else if (notText)
                        Error = "the line contains bytes that are not printable text";
                    if (Error != null)
                        return null;
                    string line = new string(_buffer, 0, _length);
                    if (_length > 0)
                        _history[_historyCount++ % HistorySize] = line;
                    return line;
                }
                if (key == Keys.Cancel)
                {
                    KernelConsole.WriteLine("^C");
                    return "";
                }
                if (tooLong || notText)
                    continue;   // the line will be refused at Enter: no more editing or echo

                if (key == Keys.Backspace || key == 127)
                    Erase(_cursor - 1);
                else if (key == Keys.Delete)
                    Erase(_cursor);
                else if (key == Keys.Left && _cursor > 0)
                    MoveCursor(_cursor - 1);
                else if (key == Keys.Right && _cursor < _length)
                    MoveCursor(_cursor + 1);
                else if (key == Keys.Home)
                    MoveCursor(0);
                else if (key == Keys.End)
                    MoveCursor(_length);
                else if (key == Keys.Up || key == Keys.Down)
                    historyPosition = RecallHistory(historyPosition, key == Keys.Up ? -1 : 1);
                else if (key >= 32 && key <= 126)
                {
                    if (_length == Capacity)
                        tooLong = true;
                    else
                        Insert((char)key);
                }
                else if (key < 32 || (key > 126 && key < 0x100))
                    notText = true;
            }
        }

        private void Insert(char c)
        {
            if (_cursor == _length)
            {
                // The common case: plain typing at the end needs no redraw.
                _buffer[_length++] = c;
                _cursor++;
                KernelConsole.Write(c);
                return;
            }
            for (int i = _length; i > _cursor; i--)
                _buffer[i] = _buffer[i - 1];
            _buffer[_cursor] = c;
            _length++;
            Redraw(_cursor, _cursor + 1);
        }

        private void Erase(int position)
        {
            if (position < 0 || position >= _length)
                return;
            int oldCursor = _cursor;
            for (int i = position; i < _length - 1; i++)
                _buffer[i] = _buffer[i + 1];
            _length--;
            Redraw(oldCursor, position);
        }

        /// <summary>Moves the cursor without redrawing: on serial with an ANSI cursor move, on screen directly.</summary>
        private void MoveCursor(int position)
        {
            if (position == _cursor)
                return;
            KernelConsole.WriteSerialOnly(position < _cursor ? Csi(_cursor - position, "D") : Csi(position - _cursor, "C"));
            _cursor = position;
            TextScreen screen = KernelConsole.Screen;
            if (screen == null)
                return;
            int cell = _startRow * screen.Width + _startColumn + _cursor;
            if (cell < screen.Width * screen.Height)
                screen.MoveTo(cell % screen.Width, cell / screen.Width);
        }

        private int RecallHistory(int position, int step)
        {
            int oldest = _historyCount > HistorySize ? _historyCount - HistorySize : 0;
            int next = position + step;
            if (next < oldest || next > _historyCount)
                return position;
            string line = next == _historyCount ? "" : _history[next % HistorySize];
            int oldCursor = _cursor;
            _length = line.Length;
            for (int i = 0; i < _length; i++)
                _buffer[i] = line[i];
            Redraw(oldCursor, _length);
            return next;
        }

        /// <summary>Shows the whole line again with the cursor at <paramref name="newCursor"/>, on the screen and over serial.</summary>
        private void Redraw(int oldCursor, int newCursor)
        {
            _cursor = newCursor;
            TextScreen screen = KernelConsole.Screen;
            if (screen != null)
            {
                int start = _startRow * screen.Width + _startColumn;
                for (int i = 0; i <= _length && start + i < screen.Width * screen.Height; i++)
                {
                    int cell = start + i;
                    screen.PutAt(cell % screen.Width, cell / screen.Width, i < _length ? _buffer[i] : ' ', 0x07);
                }
                int cursorCell = start + _cursor;
                screen.MoveTo(cursorCell % screen.Width, cursorCell / screen.Width);
            }

            // Serial: back to the line's start, the text, clear the rest, back to the cursor.
            string text = new string(_buffer, 0, _length);
            string sequence = (oldCursor > 0 ? Csi(oldCursor, "D") : "") + text + "\x1b[K";
            KernelConsole.WriteSerialOnly(_length > _cursor ? sequence + Csi(_length - _cursor, "D") : sequence);
        }

        private static string Csi(int count, string command) => "\x1b[" + Format.Decimal((ulong)count) + command;

        /// <summary>
        /// Reads the rest of an ANSI escape sequence after ESC; returns the key it stands for, or
        /// 0. A line end inside a broken sequence is returned as itself, so Enter is never lost.
        /// </summary>
        private static int ReadEscapeSequence()
        {
            int first = ReadKey();
            if (first == '\r' || first == '\n')
                return first;
            if (first != '[')
                return 0;
            int key = ReadKey();
            if (key == '\r' || key == '\n')
                return key;
            switch (key)
            {
                case 'A': return Keys.Up;
                case 'B': return Keys.Down;
                case 'C': return Keys.Right;
                case 'D': return Keys.Left;
                case 'H': return Keys.Home;
                case 'F': return Keys.End;
            }
            if (key < '0' || key > '9')
                return 0;
            int last = ReadKey();
            if (last == '\r' || last == '\n')
                return last;
            if (last != '~')
                return 0;
            return key == '1' || key == '7' ? Keys.Home : key == '4' || key == '8' ? Keys.End : key == '3' ? Keys.Delete : 0;
        }

        /// <summary>Waits for the next key, sleeping until an interrupt brings one.</summary>
        private static int ReadKey()
        {
            while (true)
            {
                int key = InputQueue.TryTake();
                if (key >= 0)
                    return key;
                Cpu.WaitForInterrupt();
            }
        }
    }
}
