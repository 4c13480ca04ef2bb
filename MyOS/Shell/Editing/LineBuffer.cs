namespace MyOS.Shell.Editing
{
    /// <summary>
    /// The text of the line being edited and the cursor in it, with the edits of a readline-like
    /// editor (insert, delete, kill to start/end, kill word, yank, replace). It draws nothing: each
    /// edit returns the first position whose character changed (or -1 when nothing changed), and
    /// the caller repaints from there. Invariant: 0 &lt;= Cursor &lt;= Length &lt;= Capacity.
    /// Words are runs of characters other than spaces, as the shell splits them.
    /// </summary>
    public sealed class LineBuffer
    {
        /// <summary>No change: what an edit returns when it did nothing.</summary>
        public const int Unchanged = -1;

        /// <summary>The characters; only the first <see cref="Length"/> count.</summary>
        private readonly char[] _text;
        /// <summary>The text removed by the last kill (Ctrl-U, Ctrl-K, Ctrl-W), for Ctrl-Y; null before any.</summary>
        private string _killed;

        /// <summary>An empty line that holds at most <paramref name="capacity"/> characters.</summary>
        public LineBuffer(int capacity) => _text = new char[capacity];

        /// <summary>Most characters the line can hold.</summary>
        public int Capacity => _text.Length;
        /// <summary>Characters in the line.</summary>
        public int Length { get; private set; }
        /// <summary>Where the next typed character goes (0..Length).</summary>
        public int Cursor { get; private set; }

        /// <summary>The character at <paramref name="index"/> (0..Length-1).</summary>
        public char this[int index] => _text[index];

        /// <summary>The whole line as a string.</summary>
        public override string ToString() => new string(_text, 0, Length);

        /// <summary>Empties the line.</summary>
        public void Clear() => Length = Cursor = 0;

        /// <summary>Moves the cursor to <paramref name="position"/>, clamped to the line.</summary>
        public void MoveTo(int position) => Cursor = position < 0 ? 0 : position > Length ? Length : position;

        /// <summary>Inserts <paramref name="c"/> at the cursor; returns its position, or <see cref="Unchanged"/> when the line is full.</summary>
        public int Insert(char c)
        {
            if (Length == Capacity)
                return Unchanged;
            for (int i = Length; i > Cursor; i--)
                _text[i] = _text[i - 1];
            _text[Cursor] = c;
            Length++;
            return Cursor++;
        }

        /// <summary>Inserts <paramref name="text"/> at the cursor if all of it fits; returns the first changed position or <see cref="Unchanged"/>.</summary>
        public int Insert(string text)
        {
            if (text == null || text.Length == 0 || Length + text.Length > Capacity)
                return Unchanged;
            int at = Cursor;
            for (int i = Length - 1; i >= Cursor; i--)
                _text[i + text.Length] = _text[i];
            for (int i = 0; i < text.Length; i++)
                _text[at + i] = text[i];
            Length += text.Length;
            Cursor += text.Length;
            return at;
        }

        /// <summary>Backspace: removes the character before the cursor.</summary>
        public int DeleteBefore() => Cursor == 0 ? Unchanged : Remove(Cursor - 1, Cursor);

        /// <summary>Delete: removes the character under the cursor.</summary>
        public int DeleteAt() => Cursor == Length ? Unchanged : Remove(Cursor, Cursor + 1);

        /// <summary>Ctrl-U: removes everything before the cursor (kept for <see cref="Yank"/>).</summary>
        public int KillToStart() => Kill(0, Cursor);

        /// <summary>Ctrl-K: removes everything from the cursor on (kept for <see cref="Yank"/>).</summary>
        public int KillToEnd() => Kill(Cursor, Length);

        /// <summary>Ctrl-W: removes the word before the cursor and the spaces after it (kept for <see cref="Yank"/>).</summary>
        public int KillWordBefore() => Kill(WordStartBefore(Cursor), Cursor);

        /// <summary>Ctrl-Y: inserts the text of the last kill at the cursor.</summary>
        public int Yank() => Insert(_killed);

        /// <summary>Replaces the whole line by <paramref name="text"/> (cut to the capacity), cursor at its end.</summary>
        public int Replace(string text)
        {
            int length = text.Length < Capacity ? text.Length : Capacity;
            int firstChange = 0;
            while (firstChange < length && firstChange < Length && _text[firstChange] == text[firstChange])
                firstChange++;
            bool same = length == Length && firstChange == length;
            for (int i = 0; i < length; i++)
                _text[i] = text[i];
            Length = length;
            Cursor = length;
            return same ? Unchanged : firstChange;
        }

        /// <summary>Start of the word at or before <paramref name="position"/> (skipping spaces just before it): Ctrl-Left and Ctrl-W go there.</summary>
        public int WordStartBefore(int position)
        {
            int i = position;
            while (i > 0 && _text[i - 1] == ' ')
                i--;
            while (i > 0 && _text[i - 1] != ' ')
                i--;
            return i;
        }

        /// <summary>End of the word at or after <paramref name="position"/> (skipping spaces first): Ctrl-Right goes there.</summary>
        public int WordEndAfter(int position)
        {
            int i = position;
            while (i < Length && _text[i] == ' ')
                i++;
            while (i < Length && _text[i] != ' ')
                i++;
            return i;
        }

        private int Kill(int start, int end)
        {
            if (end <= start)
                return Unchanged;
            _killed = new string(_text, start, end - start);
            return Remove(start, end);
        }

        /// <summary>Removes [start, end) and leaves the cursor at <paramref name="start"/>.</summary>
        private int Remove(int start, int end)
        {
            int count = end - start;
            for (int i = start; i + count < Length; i++)
                _text[i] = _text[i + count];
            Length -= count;
            Cursor = start;
            return start;
        }
    }
}
