using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Console;
using MyOS.Core.Input;
using MyOS.Core.Input.Decoding;
using MyOS.Shell.Editing;

namespace MyOS.Shell
{
    /// <summary>
    /// Reads one edited line from the input queue (PS/2 keyboard and COM1 together) and shows
    /// it on the screen and over serial. Keys come from <see cref="KeyReader"/> (serial escape
    /// sequences decoded, a lone Esc resolved by the next byte or a time-out). The editing itself is
    /// <see cref="LineBuffer"/> (readline's keys: Ctrl-A/E/B/F/U/K/W/Y/D/L, Backspace, Delete,
    /// Left/Right, Ctrl-Left/Right by word, Home/End, Up/Down and PageUp/PageDown through the
    /// history) and Tab is <see cref="TabCompletion"/> (two Tabs list the candidates). Keys with
    /// no action (Esc, Insert, F1-F12, other control characters) are ignored. A line longer than
    /// <see cref="Capacity"/> or holding bytes that are not text is refused at Enter with a reason,
    /// never silently cut. Invariant: the screen shows the prompt and the line from the cell
    /// <see cref="LineStartCell"/> on, with the cursor at the buffer's cursor.
    /// </summary>
    public sealed class LineReader
    {
        /// <summary>Longest line accepted, in characters.</summary>
        public const int Capacity = 512;
        /// <summary>Lines kept for Up/Down.</summary>
        public const int HistorySize = 32;

        /// <summary>Keys as typed; keeps its state between lines, so a sequence split by Enter is never misread.</summary>
        private readonly KeyReader _keys = new KeyReader();
        /// <summary>The line being edited.</summary>
        private readonly LineBuffer _line = new LineBuffer(Capacity);
        /// <summary>Tab completion over the shell's words.</summary>
        private readonly TabCompletion _completion;
        /// <summary>Earlier lines, oldest first in ring order; null where empty.</summary>
        private readonly string[] _history = new string[HistorySize];
        /// <summary>Number of lines ever added to the history.</summary>
        private int _historyCount;
        /// <summary>The prompt of the line being read (shown again after Ctrl-L and a completion list).</summary>
        private string _prompt;
        /// <summary>Screen cell of the line's first character when it was recorded, and the screen's scroll count then.</summary>
        private int _startCell;
        private ulong _startScrolled;
        /// <summary>Where the cursor is shown and how long the line is shown, which lag the buffer until repainted.</summary>
        private int _shownCursor, _shownLength;

        /// <summary>A reader whose Tab completes the words <paramref name="completions"/> gives.</summary>
        public LineReader(CompletionSource completions) => _completion = new TabCompletion(completions);

        /// <summary>Why the last line was refused, or null when it was accepted.</summary>
        public string Error { get; private set; }

        /// <summary>Shows <paramref name="prompt"/>, waits for a whole line and returns it; on a refused line returns null and sets <see cref="Error"/>.</summary>
        public string ReadLine(string prompt)
        {
            _line.Clear();
            _prompt = prompt;
            Error = null;
            bool tooLong = false, notText = false, afterTab = false;
            int historyPosition = _historyCount;
            _shownCursor = _shownLength = 0;
            KernelConsole.Write(prompt);
            RecordLineStart();
            while (true)
            {
                int key = _keys.ReadKey();
                if (key == Keys.Enter || key == '\r')
                {
                    ShowCursorAt(_line.Length);
                    KernelConsole.WriteLine();
                    if (tooLong)
                        Error = "the line is longer than 512 characters";
                    else if (notText)
                        Error = "the line contains bytes that are not printable text";
                    if (Error != null)
                        return null;
                    string line = _line.ToString();
                    if (line.Length > 0)
                        _history[_historyCount++ % HistorySize] = line;
                    return line;
                }
                if (key == Keys.Cancel)
                {
                    ShowCursorAt(_line.Length);
                    KernelConsole.WriteLine("^C");
                    return "";
                }
                if (tooLong || notText)
                    continue;   // the line will be refused at Enter: no more editing or echo
                if (key >= 32 && key <= 126)
                {
                    if (_line.Cursor == _line.Length && _line.Length < Capacity)
                    {
                        // The common case, typing at the end, is a plain echo.
                        _line.Insert((char)key);
                        KernelConsole.Write((char)key);
                        _shownCursor = _shownLength = _line.Length;
                    }
                    else
                    {
                        tooLong = !Apply(_line.Insert((char)key)) && _line.Length == Capacity;
                    }
                }
                else if (key >= 0x80 && key <= 0xFF)
                {
                    notText = true;
                }
                else if (key == Keys.Tab)
                {
                    Complete(afterTab);
                }
                else
                {
                    historyPosition = Edit(key, historyPosition);
                }

                afterTab = key == Keys.Tab;
            }
        }

        /// <summary>Does what an editing key does (see the class summary); returns the history position after it.</summary>
        private int Edit(int key, int historyPosition)
        {
            int baseKey = key & Keys.BaseMask;
            bool byWord = (key & (Keys.CtrlBit | Keys.AltBit)) != 0;
            if (key == Keys.Backspace || key == Keys.DeleteCharacter)
            {
                Apply(_line.DeleteBefore());
            }
            else if (baseKey == Keys.Delete || (key == Keys.Control('D') && _line.Length > 0))
            {
                Apply(_line.DeleteAt());
            }
            else if (baseKey == Keys.Left && byWord)
            {
                MoveCursor(_line.WordStartBefore(_line.Cursor));
            }
            else if (baseKey == Keys.Right && byWord)
            {
                MoveCursor(_line.WordEndAfter(_line.Cursor));
            }
            else if (baseKey == Keys.Left || key == Keys.Control('B'))
            {
                MoveCursor(_line.Cursor - 1);
            }
            else if (baseKey == Keys.Right || key == Keys.Control('F'))
            {
                MoveCursor(_line.Cursor + 1);
            }
            else if (baseKey == Keys.Home || key == Keys.Control('A'))
            {
                MoveCursor(0);
            }
            else if (baseKey == Keys.End || key == Keys.Control('E'))
            {
                MoveCursor(_line.Length);
            }
            else if (baseKey == Keys.Up || key == Keys.Control('P'))
            {
                return RecallHistory(historyPosition, historyPosition - 1);
            }
            else if (baseKey == Keys.Down || key == Keys.Control('N'))
            {
                return RecallHistory(historyPosition, historyPosition + 1);
            }
            else if (baseKey == Keys.PageUp)
            {
                return RecallHistory(historyPosition, OldestHistoryPosition);
            }
            else if (baseKey == Keys.PageDown)
            {
                return RecallHistory(historyPosition, _historyCount);
            }
            else if (key == Keys.Control('U'))
            {
                Apply(_line.KillToStart());
            }
            else if (key == Keys.Control('K'))
            {
                Apply(_line.KillToEnd());
            }
            else if (key == Keys.Control('W'))
            {
                Apply(_line.KillWordBefore());
            }
            else if (key == Keys.Control('Y'))
            {
                Apply(_line.Yank());
            }
            else if (key == Keys.Control('L'))
            {
                KernelConsole.Clear();
                ShowPromptAndLine();
            }
            // Anything else (Esc, Insert, F1-F12, Shift-Tab, Ctrl-D on an empty line, other
            // control characters) has no action here.
            return historyPosition;
        }

        /// <summary>Tab: inserts the completion; on a second Tab in a row with nothing to insert, lists the candidates.</summary>
        private void Complete(bool afterTab)
        {
            string insert = _completion.Complete(_line);
            if (insert.Length > 0)
            {
                Apply(_line.Insert(insert));
                return;
            }
            if (!afterTab || _completion.MatchCount < 2)
                return;
            ShowCursorAt(_line.Length);
            KernelConsole.WriteLine();
            WriteInColumns(_completion.Matches, _completion.MatchCount);
            ShowPromptAndLine();
        }

        /// <summary>Width of a candidate listing: 80 characters, what a serial terminal and VGA text show.</summary>
        private const int ListWidth = 80;

        /// <summary>Lists <paramref name="count"/> words in columns as wide as the longest plus two, as many as fit in 80 characters.</summary>
        private static void WriteInColumns(string[] words, int count)
        {
            int width = 0;
            for (int i = 0; i < count; i++)
            {
                if (words[i].Length > width)
                    width = words[i].Length;
            }

            width += 2;
            int perRow = ListWidth / width;
            if (perRow < 1)
                perRow = 1;
            for (int i = 0; i < count; i++)
            {
                bool lastInRow = (i + 1) % perRow == 0 || i + 1 == count;
                KernelConsole.Write(words[i]);
                if (lastInRow)
                {
                    KernelConsole.WriteLine();
                }
                else
                {
                    for (int pad = words[i].Length; pad < width; pad++)
                        KernelConsole.Write(' ');
                }
            }
        }

        private int OldestHistoryPosition => _historyCount > HistorySize ? _historyCount - HistorySize : 0;

        /// <summary>Shows history line <paramref name="next"/> (<see cref="_historyCount"/> = an empty line) if it exists; returns the position now shown.</summary>
        private int RecallHistory(int position, int next)
        {
            if (next < OldestHistoryPosition || next > _historyCount || next == position)
                return position;
            Apply(_line.Replace(next == _historyCount ? "" : _history[next % HistorySize]));
            return next;
        }

        /// <summary>Moves the cursor to <paramref name="position"/> (clamped to the line) without redrawing.</summary>
        private void MoveCursor(int position)
        {
            _line.MoveTo(position);
            ShowCursorAt(_line.Cursor);
        }

        /// <summary>
        /// Repaints after an edit that changed the line from <paramref name="firstChanged"/> on
        /// (<see cref="LineBuffer.Unchanged"/>: nothing to do); returns whether anything changed.
        /// The text from there is written again and what is left of a longer old line is blanked.
        /// </summary>
        private bool Apply(int firstChanged)
        {
            if (firstChanged == LineBuffer.Unchanged)
                return false;
            int oldLength = _shownLength;

            // Serial: to the first change, the new text, erase what followed, back to the cursor.
            MoveSerialCursor(_shownCursor, firstChanged);
            for (int i = firstChanged; i < _line.Length; i++)
                KernelConsole.WriteSerialOnly(_line[i]);
            if (oldLength > _line.Length)
                KernelConsole.WriteSerialOnly("\x1b[K");
            MoveSerialCursor(_line.Length, _line.Cursor);

            // Screen: the same through the screen's own writes, so wrapping and scrolling stay its business.
            TextScreen screen = KernelConsole.Screen;
            if (screen != null)
            {
                screen.MoveToCell(LineStartCell + firstChanged);
                for (int i = firstChanged; i < _line.Length; i++)
                    screen.Write(_line[i]);
                for (int i = _line.Length; i < oldLength; i++)
                    screen.Write(' ');
                screen.MoveToCell(LineStartCell + _line.Cursor);
            }
            _shownCursor = _line.Cursor;
            _shownLength = _line.Length;
            return true;
        }

        /// <summary>Moves the shown cursor to <paramref name="position"/> in the line, on serial and on the screen.</summary>
        private void ShowCursorAt(int position)
        {
            MoveSerialCursor(_shownCursor, position);
            if (KernelConsole.Screen != null)
                KernelConsole.Screen.MoveToCell(LineStartCell + position);
            _shownCursor = position;
        }

        /// <summary>Moves the terminal's cursor from line position <paramref name="from"/> to <paramref name="to"/> (ANSI cursor left/right).</summary>
        private static void MoveSerialCursor(int from, int to)
        {
            if (to == from)
                return;
            KernelConsole.WriteSerialOnly("\x1b[");
            KernelConsole.WriteSerialOnly(Format.Decimal((ulong)(to < from ? from - to : to - from)));
            KernelConsole.WriteSerialOnly(to < from ? 'D' : 'C');
        }

        /// <summary>Writes the prompt and the whole line again on a fresh line (after Ctrl-L or a list), cursor where it was.</summary>
        private void ShowPromptAndLine()
        {
            KernelConsole.Write(_prompt);
            RecordLineStart();
            for (int i = 0; i < _line.Length; i++)
                KernelConsole.Write(_line[i]);
            _shownCursor = _shownLength = _line.Length;
            ShowCursorAt(_line.Cursor);
        }

        /// <summary>Remembers that the line starts at the screen's cursor.</summary>
        private void RecordLineStart()
        {
            TextScreen screen = KernelConsole.Screen;
            if (screen == null)
                return;
            _startCell = screen.Cell;
            _startScrolled = screen.LinesScrolled;
        }

        /// <summary>The screen cell of the line's first character now: rows scrolled since it was recorded moved it up.</summary>
        private int LineStartCell =>
            _startCell - KernelConsole.Screen.Width * (int)(KernelConsole.Screen.LinesScrolled - _startScrolled);
    }
}
