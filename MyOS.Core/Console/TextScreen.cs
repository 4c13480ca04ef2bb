using MyOS.Core.Arch.X64.Hardware;

namespace MyOS.Core.Console
{
    /// <summary>
    /// The console's screen: a grid of character cells, each a character and a VGA colour
    /// attribute (background in the high nibble, foreground in the low), with a cursor, line
    /// wrapping and scrolling. This class is the one console interface and owns the cursor model
    /// (what '\n', '\r', '\b' and the last column do); its two back ends only store and show
    /// cells: VGA text mode (<see cref="VgaTextScreen"/>) and a linear framebuffer drawn with a
    /// bitmap font (<see cref="FramebufferTextScreen"/>). Wrapping is deferred as on a VT100 or
    /// xterm: a character written in the last column leaves the cursor there with a wrap pending,
    /// and only the next printable character moves to the next line (scrolling if needed), so a
    /// line of exactly Width characters and its '\n' take one row. <see cref="LinesScrolled"/>
    /// counts every scroll, so a caller that remembered a cell can find where its text is now.
    /// Invariant: 0 &lt;= Column &lt; Width and 0 &lt;= Row &lt; Height.
    /// </summary>
    public abstract class TextScreen
    {
        private int _column, _row;
        /// <summary>A character went into the last column: the next printable one starts a new line first.</summary>
        private bool _wrapPending;
        /// <summary>Rows scrolled off the top since the screen was set up (only grows).</summary>
        private ulong _linesScrolled;
        /// <summary>Colour of text written from now on: background in the high nibble, foreground in the low.</summary>
        private byte _attribute;

        /// <summary>A screen of <paramref name="width"/> x <paramref name="height"/> cells (both at least 1).</summary>
        protected TextScreen(int width, int height)
        {
            Width = width;
            Height = height;
            _attribute = Attribute(VgaColor.LightGray, VgaColor.Black);
        }

        /// <summary>Columns on the screen.</summary>
        public int Width { get; }
        /// <summary>Rows on the screen.</summary>
        public int Height { get; }
        /// <summary>Column of the next character.</summary>
        public int Column => _column;
        /// <summary>Row of the next character.</summary>
        public int Row => _row;
        /// <summary>Cell of the cursor counted from the top left (Row * Width + Column), Width * Height while a wrap is pending in the last cell.</summary>
        public int Cell => _row * Width + _column + (_wrapPending ? 1 : 0);
        /// <summary>How many rows have scrolled off the top so far: text written at row r is now at row r minus the growth of this count.</summary>
        public ulong LinesScrolled => _linesScrolled;

        /// <summary>Sets the colours of text written from now on.</summary>
        public void SetColors(VgaColor foreground, VgaColor background) => _attribute = Attribute(foreground, background);

        /// <summary>Blanks the screen in the current background colour and homes the cursor.</summary>
        public void Clear()
        {
            FillCells(_attribute);
            _column = 0;
            _row = 0;
            _wrapPending = false;
            ShowCursor(0, 0);
        }

        /// <summary>Writes a character: '\n' starts a new line, '\r' returns to column 0, '\b' steps back; the last row scrolls.</summary>
        public void Write(char c)
        {
            if (c == '\n')
            {
                NewLine();
            }
            else if (c == '\r')
            {
                _column = 0;
                _wrapPending = false;
            }
            else if (c == '\b')
            {
                if (_column > 0 && !_wrapPending)
                    _column--;
                _wrapPending = false;
            }
            else
            {
                if (_wrapPending)
                    NewLine();
                StoreCell(_column, _row, c, _attribute);
                if (_column == Width - 1)
                    _wrapPending = true;
                else
                    _column++;
            }
            ShowCursor(_column, _row);
        }

        /// <summary>Puts a character at a cell without moving the cursor; cells off the screen are ignored.</summary>
        public void PutAt(int column, int row, char c, byte attribute)
        {
            if ((uint)column < (uint)Width && (uint)row < (uint)Height)
                StoreCell(column, row, c, attribute);
        }

        /// <summary>Moves the cursor to a cell; cells off the screen are ignored.</summary>
        public void MoveTo(int column, int row)
        {
            if ((uint)column < (uint)Width && (uint)row < (uint)Height)
            {
                _column = column;
                _row = row;
                _wrapPending = false;
                ShowCursor(column, row);
            }
        }

        /// <summary>
        /// Moves the cursor to <paramref name="cell"/> (Row * Width + Column). Width * Height, the
        /// cell just past the screen, is the last cell with a wrap pending: where the cursor stands
        /// after text that ends in the bottom right corner. Other cells outside the screen are ignored.
        /// </summary>
        public void MoveToCell(int cell)
        {
            if (cell == Width * Height)
            {
                MoveTo(Width - 1, Height - 1);
                _wrapPending = true;
            }
            else if (cell >= 0 && cell < Width * Height)
            {
                MoveTo(cell % Width, cell / Width);
            }
        }

        /// <summary>Stores and shows one cell (inside the screen).</summary>
        protected abstract void StoreCell(int column, int row, char c, byte attribute);

        /// <summary>Moves rows 1.. up one row and blanks the last row with <paramref name="attribute"/>.</summary>
        protected abstract void ScrollUp(byte attribute);

        /// <summary>Blanks every cell with <paramref name="attribute"/>.</summary>
        protected abstract void FillCells(byte attribute);

        /// <summary>Shows the cursor at the cell (inside the screen).</summary>
        protected abstract void ShowCursor(int column, int row);

        private void NewLine()
        {
            _column = 0;
            _wrapPending = false;
            if (++_row < Height)
                return;
            ScrollUp(_attribute);
            _row = Height - 1;
            _linesScrolled++;
        }

        private static byte Attribute(VgaColor foreground, VgaColor background) =>
            (byte)((((int)background & 15) << 4) | ((int)foreground & 15));
    }
}
