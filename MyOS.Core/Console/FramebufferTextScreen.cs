using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Boot;

namespace MyOS.Core.Console
{
    /// <summary>
    /// The framebuffer back end of <see cref="TextScreen"/>: cells drawn on a linear
    /// direct-colour framebuffer with a bitmap font, in the 16 VGA colours, the cursor an
    /// underline as VGA text shows it. Pure pointer arithmetic over the pixels it is given, so
    /// host tests draw into a plain buffer. A copy of every cell is kept, so the cursor can be
    /// taken off a cell by drawing the cell again.
    /// Invariant: _cells[i] is what cell i shows, and the cursor is drawn on (_cursorColumn, _cursorRow) only.
    /// </summary>
    public sealed unsafe class FramebufferTextScreen : TextScreen
    {
        /// <summary>Pixel rows of the cursor underline at the bottom of a cell.</summary>
        private const int CursorRows = 2;

        /// <summary>VGA colour <paramref name="index"/> (0..15) as 0xRRGGBB, the VGA text palette.</summary>
        private static uint PaletteRgb(int index)
        {
            switch (index)
            {
                case 0: return 0x000000;
                case 1: return 0x0000AA;
                case 2: return 0x00AA00;
                case 3: return 0x00AAAA;
                case 4: return 0xAA0000;
                case 5: return 0xAA00AA;
                case 6: return 0xAA5500;
                case 7: return 0xAAAAAA;
                case 8: return 0x555555;
                case 9: return 0x5555FF;
                case 10: return 0x55FF55;
                case 11: return 0x55FFFF;
                case 12: return 0xFF5555;
                case 13: return 0xFF55FF;
                case 14: return 0xFFFF55;
                default: return 0xFFFFFF;
            }
        }

        private readonly byte* _pixels;
        private readonly FramebufferInfo _geometry;
        private readonly BitmapFont _font;
        private readonly int _bytesPerPixel;
        /// <summary>The 16 colours coded as this framebuffer's pixels.</summary>
        private readonly uint[] _colors = new uint[16];
        /// <summary>What each cell shows: character | attribute &lt;&lt; 8, row by row.</summary>
        private readonly ushort[] _cells;
        /// <summary>Cell that has the cursor drawn on it.</summary>
        private int _cursorColumn, _cursorRow;

        /// <summary>
        /// Takes over the framebuffer at <paramref name="pixels"/> (a virtual address) and clears
        /// it. Check <see cref="CannotDraw"/> first: the constructor assumes it found nothing.
        /// </summary>
        public FramebufferTextScreen(byte* pixels, FramebufferInfo geometry, BitmapFont font)
            : base((int)(geometry.Width / (uint)font.Width), (int)(geometry.Height / (uint)font.Height))
        {
            _pixels = pixels;
            _geometry = geometry;
            _font = font;
            _bytesPerPixel = geometry.BitsPerPixel / 8;
            _cells = new ushort[Width * Height];
            for (int i = 0; i < 16; i++)
                _colors[i] = Encode(PaletteRgb(i));
            Clear();
        }

        /// <summary>
        /// Why this framebuffer cannot carry a text screen with <paramref name="font"/>, or null
        /// if it can: direct colour, 16, 24 or 32 bits per pixel, colour fields inside the pixel,
        /// and room for at least 40 x 10 cells.
        /// </summary>
        public static string CannotDraw(FramebufferInfo geometry, BitmapFont font)
        {
            if (font == null || !font.IsUsable)
                return "the console font is missing or malformed";
            if (geometry.Kind != FramebufferKind.Rgb)
                return "the framebuffer is not direct colour";
            if (geometry.BitsPerPixel != 16 && geometry.BitsPerPixel != 24 && geometry.BitsPerPixel != 32)
                return "the framebuffer's pixel size is not 16, 24 or 32 bits";
            if (!FieldFits(geometry.RedPosition, geometry.RedSize, geometry.BitsPerPixel)
                || !FieldFits(geometry.GreenPosition, geometry.GreenSize, geometry.BitsPerPixel)
                || !FieldFits(geometry.BluePosition, geometry.BlueSize, geometry.BitsPerPixel))
            {
                return "a colour field lies outside the pixel";
            }

            if ((ulong)geometry.Width * (uint)(geometry.BitsPerPixel / 8) > geometry.Pitch)
                return "a row of pixels is longer than the pitch";
            if (geometry.Width / (uint)font.Width < 40 || geometry.Height / (uint)font.Height < 10)
                return "the framebuffer is too small for 40 x 10 characters";
            return null;
        }

        /// <inheritdoc/>
        protected override void StoreCell(int column, int row, char c, byte attribute)
        {
            char shown = c < 256 ? c : '?';
            _cells[row * Width + column] = (ushort)(shown | (attribute << 8));
            DrawCell(column, row);
            if (column == _cursorColumn && row == _cursorRow)
                DrawCursor();
        }

        /// <inheritdoc/>
        protected override void ScrollUp(byte attribute)
        {
            // The cells and the pixels of rows 1.. move up one text row; the last row is blanked.
            DrawCell(_cursorColumn, _cursorRow);
            for (int i = 0; i < Width * (Height - 1); i++)
                _cells[i] = _cells[i + Width];
            ushort blank = (ushort)(' ' | (attribute << 8));
            for (int i = Width * (Height - 1); i < Width * Height; i++)
                _cells[i] = blank;
            int textRowPixels = _font.Height;
            MovePixelRowsUp(textRowPixels, (Height - 1) * textRowPixels);
            FillPixelRows((Height - 1) * textRowPixels, textRowPixels, _colors[attribute >> 4]);
            // The region below the last text row (a partial row) keeps its colour.
            DrawCursor();
        }

        /// <inheritdoc/>
        protected override void FillCells(byte attribute)
        {
            ushort blank = (ushort)(' ' | (attribute << 8));
            for (int i = 0; i < _cells.Length; i++)
                _cells[i] = blank;
            FillPixelRows(0, (int)_geometry.Height, _colors[attribute >> 4]);
            DrawCursor();
        }

        /// <inheritdoc/>
        protected override void ShowCursor(int column, int row)
        {
            if (_cursorColumn == column && _cursorRow == row)
                return;
            DrawCell(_cursorColumn, _cursorRow);
            _cursorColumn = column;
            _cursorRow = row;
            DrawCursor();
        }

        /// <summary>The character cell (column, row) holds, for tests; '\0' off the screen.</summary>
        public char CharacterAt(int column, int row) =>
            (uint)column < (uint)Width && (uint)row < (uint)Height ? (char)(_cells[row * Width + column] & 0xFF) : '\0';

        /// <summary>The pixel value at (x, y), for tests; 0 off the framebuffer.</summary>
        public uint PixelAt(int x, int y)
        {
            if ((uint)x >= _geometry.Width || (uint)y >= _geometry.Height)
                return 0;
            return ReadPixel(_pixels + (ulong)y * _geometry.Pitch + (ulong)x * (uint)_bytesPerPixel);
        }

        /// <summary>How <paramref name="color"/> is coded in this framebuffer's pixels.</summary>
        public uint PixelOf(VgaColor color) => _colors[(int)color & 15];


        /// <summary>An underline in the cell's foreground colour over its bottom rows.</summary>
        private void DrawCursor()
        {
            ushort cell = _cells[_cursorRow * Width + _cursorColumn];
            uint color = _colors[(cell >> 8) & 15];
            int x0 = _cursorColumn * _font.Width, y0 = _cursorRow * _font.Height;
            for (int y = _font.Height - CursorRows; y < _font.Height; y++)
            {
                byte* row = _pixels + (ulong)(y0 + y) * _geometry.Pitch + (ulong)x0 * (uint)_bytesPerPixel;
                for (int x = 0; x < _font.Width; x++)
                    WritePixel(row + x * _bytesPerPixel, color);
            }
        }

        private void DrawCell(int column, int row)
        {
            ushort cell = _cells[row * Width + column];
            uint foreground = _colors[(cell >> 8) & 15], background = _colors[(cell >> 12) & 15];
            byte* glyph = _font.Glyph((char)(cell & 0xFF));
            int x0 = column * _font.Width, y0 = row * _font.Height;
            for (int y = 0; y < _font.Height; y++)
            {
                byte* line = _pixels + (ulong)(y0 + y) * _geometry.Pitch + (ulong)x0 * (uint)_bytesPerPixel;
                for (int x = 0; x < _font.Width; x++)
                    WritePixel(line + x * _bytesPerPixel, _font.IsSet(glyph, x, y) ? foreground : background);
            }
        }

        /// <summary>Moves pixel rows [distance, distance + count) to [0, count), eight bytes at a time where the pitch allows.</summary>
        private void MovePixelRowsUp(int distance, int count)
        {
            ulong bytes = (ulong)count * _geometry.Pitch;
            byte* to = _pixels, from = _pixels + (ulong)distance * _geometry.Pitch;
            ulong i = 0;
            if ((_geometry.Pitch & 7) == 0 && ((ulong)_pixels & 7) == 0)
            {
                for (; i + 8 <= bytes; i += 8)
                    *(ulong*)(to + i) = *(ulong*)(from + i);
            }

            for (; i < bytes; i++)
                to[i] = from[i];
        }

        private void FillPixelRows(int first, int count, uint color)
        {
            int usedBytes = (int)_geometry.Width * _bytesPerPixel;
            for (int y = first; y < first + count; y++)
            {
                byte* row = _pixels + (ulong)y * _geometry.Pitch;
                for (int x = 0; x < usedBytes; x += _bytesPerPixel)
                    WritePixel(row + x, color);
            }
        }

        private void WritePixel(byte* at, uint value)
        {
            if (_bytesPerPixel == 4)
            {
                *(uint*)at = value;
            }
            else
            {
                for (int b = 0; b < _bytesPerPixel; b++)
                    at[b] = (byte)(value >> (8 * b));
            }
        }

        private uint ReadPixel(byte* at)
        {
            uint value = 0;
            for (int b = 0; b < _bytesPerPixel; b++)
                value |= (uint)at[b] << (8 * b);
            return value;
        }

        /// <summary>0xRRGGBB coded into this framebuffer's colour fields (each field keeps the top bits of its channel).</summary>
        private uint Encode(uint rgb) =>
            Field(rgb >> 16, _geometry.RedPosition, _geometry.RedSize)
            | Field(rgb >> 8, _geometry.GreenPosition, _geometry.GreenSize)
            | Field(rgb, _geometry.BluePosition, _geometry.BlueSize);

        private static uint Field(uint channel, int position, int size)
        {
            uint value = channel & 0xFF;
            value = size >= 8 ? value : value >> (8 - size);
            return value << position;
        }

        private static bool FieldFits(byte position, byte size, byte bitsPerPixel) =>
            size >= 1 && size <= 8 && position + size <= bitsPerPixel;
    }
}
