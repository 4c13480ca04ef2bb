using MyOS.Core.Console;
using MyOS.Core.Memory;

namespace MyOS.Core.Hardware
{
    /// <summary>
    /// The 80x25 VGA text screen at physical 0xB8000, reached through the higher-half direct
    /// map: character cells of {byte character, byte colour}, a hardware cursor, and scrolling.
    /// Invariant: 0 &lt;= Column &lt; 80 and 0 &lt;= Row &lt; 25.
    /// </summary>
    public sealed unsafe class VgaTextScreen : ITextScreen
    {
        /// <summary>Columns on the screen.</summary>
        public const int Width = 80;
        /// <summary>Rows on the screen.</summary>
        public const int Height = 25;
        private const ulong BufferPhysicalAddress = 0xB8000;
        private const ushort CrtcIndex = 0x3D4, CrtcData = 0x3D5;

        /// <summary>The character cells.</summary>
        private readonly ushort* _cells;
        /// <summary>Column of the next character.</summary>
        private int _column;
        /// <summary>Row of the next character.</summary>
        private int _row;
        /// <summary>Colour byte: background in the high nibble, foreground in the low.</summary>
        private byte _attribute;

        /// <summary>Takes over the screen and clears it.</summary>
        public VgaTextScreen()
        {
            _cells = (ushort*)(AddressSpace.HhdmBase + BufferPhysicalAddress);
            SetColors(VgaColor.LightGray, VgaColor.Black);
            Clear();
        }

        int ITextScreen.Width => Width;
        int ITextScreen.Height => Height;

        /// <summary>Column of the next character.</summary>
        public int Column => _column;
        /// <summary>Row of the next character.</summary>
        public int Row => _row;

        /// <summary>Sets the colours of text written from now on.</summary>
        public void SetColors(VgaColor foreground, VgaColor background) =>
            _attribute = (byte)(((int)background << 4) | (int)foreground);

        /// <summary>Blanks the screen and homes the cursor.</summary>
        public void Clear()
        {
            ushort blank = (ushort)(' ' | (_attribute << 8));
            for (int i = 0; i < Width * Height; i++)
                _cells[i] = blank;
            _column = 0;
            _row = 0;
            UpdateCursor();
        }

        /// <summary>Writes a character: '\n' starts a new line, '\r' returns to column 0, '\b' steps back.</summary>
        public void Write(char c)
        {
            if (c == '\n')
                NewLine();
            else if (c == '\r')
                _column = 0;
            else if (c == '\b')
            {
                if (_column > 0)
                    _column--;
            }
            else
            {
                byte glyph = c < 128 ? (byte)c : (byte)'?';
                _cells[_row * Width + _column] = (ushort)(glyph | (_attribute << 8));
                if (++_column == Width)
                    NewLine();
            }
            UpdateCursor();
        }

        /// <summary>Puts a character at a cell without moving the cursor.</summary>
        public void PutAt(int column, int row, char c, byte attribute)
        {
            if ((uint)column < Width && (uint)row < Height)
                _cells[row * Width + column] = (ushort)((c < 128 ? (byte)c : (byte)'?') | (attribute << 8));
        }

        /// <summary>Moves the cursor to a cell.</summary>
        public void MoveTo(int column, int row)
        {
            if ((uint)column < Width && (uint)row < Height)
            {
                _column = column;
                _row = row;
                UpdateCursor();
            }
        }

        private void NewLine()
        {
            _column = 0;
            if (++_row < Height)
                return;
            // Scroll: move rows 1..24 up one and blank the last row.
            for (int i = 0; i < Width * (Height - 1); i++)
                _cells[i] = _cells[i + Width];
            ushort blank = (ushort)(' ' | (_attribute << 8));
            for (int i = Width * (Height - 1); i < Width * Height; i++)
                _cells[i] = blank;
            _row = Height - 1;
        }

        private void UpdateCursor()
        {
            int position = _row * Width + _column;
            Ports.Write8(CrtcIndex, 0x0F);
            Ports.Write8(CrtcData, (byte)position);
            Ports.Write8(CrtcIndex, 0x0E);
            Ports.Write8(CrtcData, (byte)(position >> 8));
        }
    }
}
