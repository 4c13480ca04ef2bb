using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// A QEMU screendump (binary PPM, "P6") of the 80x25 VGA text screen, read back as text.
    /// Cells are the image divided in 80 columns and 25 rows (9x16 pixels in QEMU). A cell's
    /// glyph is the set of its pixels that differ from the background (black); glyphs are named
    /// by learning them from cells whose character is known (<see cref="Learn"/>), so no font
    /// file is needed and colours do not matter.
    /// </summary>
    public sealed class VgaScreenshot
    {
        /// <summary>Text screen size in cells.</summary>
        public const int Columns = 80, Rows = 25;

        private readonly int _width, _height;
        private readonly byte[] _rgb;   // 3 bytes per pixel, rows top to bottom

        private VgaScreenshot(int width, int height, byte[] rgb)
        {
            _width = width;
            _height = height;
            _rgb = rgb;
        }

        /// <summary>Reads a binary PPM file as QEMU's screendump writes it.</summary>
        public static VgaScreenshot Load(string path)
        {
            byte[] file = File.ReadAllBytes(path);
            int position = 0;
            string magic = Token(file, ref position);
            if (magic != "P6")
                throw new FormatException($"{path} is not a binary PPM (starts with \"{magic}\")");
            int width = int.Parse(Token(file, ref position));
            int height = int.Parse(Token(file, ref position));
            int maxValue = int.Parse(Token(file, ref position));
            if (maxValue != 255)
                throw new FormatException($"{path}: PPM with maximum value {maxValue}; only 255 is read");
            position++; // the one whitespace byte after the header
            if (width % Columns != 0 || height % Rows != 0)
                throw new FormatException($"{path}: {width}x{height} pixels is not an 80x25 text screen");
            if (file.Length - position < width * height * 3)
                throw new FormatException($"{path}: the pixel data is cut short");
            byte[] rgb = new byte[width * height * 3];
            Array.Copy(file, position, rgb, 0, rgb.Length);
            return new VgaScreenshot(width, height, rgb);
        }

        private static string Token(byte[] file, ref int position)
        {
            while (position < file.Length && (char.IsWhiteSpace((char)file[position]) || file[position] == '#'))
            {
                if (file[position] == '#')
                    while (position < file.Length && file[position] != '\n')
                        position++;
                else
                    position++;
            }
            int start = position;
            while (position < file.Length && !char.IsWhiteSpace((char)file[position]))
                position++;
            return Encoding.ASCII.GetString(file, start, position - start);
        }

        /// <summary>The glyph of a cell: one character per pixel, '#' lit and '.' background, row by row.</summary>
        public string Glyph(int column, int row)
        {
            int cellWidth = _width / Columns, cellHeight = _height / Rows;
            var glyph = new StringBuilder(cellWidth * cellHeight);
            for (int y = row * cellHeight; y < (row + 1) * cellHeight; y++)
                for (int x = column * cellWidth; x < (column + 1) * cellWidth; x++)
                {
                    int i = (y * _width + x) * 3;
                    glyph.Append(_rgb[i] != 0 || _rgb[i + 1] != 0 || _rgb[i + 2] != 0 ? '#' : '.');
                }
            return glyph.ToString();
        }

        /// <summary>
        /// Adds the glyphs of row <paramref name="row"/> from column 0 to <paramref name="glyphs"/>,
        /// named by the characters of <paramref name="knownText"/> (which that row shows).
        /// Throws if one character would get two different glyphs (the text was not what the row shows).
        /// </summary>
        public void Learn(int row, string knownText, Dictionary<string, char> glyphs)
        {
            for (int column = 0; column < knownText.Length; column++)
            {
                string glyph = Glyph(column, row);
                if (glyphs.TryGetValue(glyph, out char known) && known != knownText[column])
                    throw new InvalidOperationException($"row {row} column {column}: glyph of '{known}' where '{knownText[column]}' was expected");
                glyphs[glyph] = knownText[column];
            }
        }

        /// <summary>Row <paramref name="row"/> as text: each cell's learned character, '?' for a glyph not learned; trailing blanks removed.</summary>
        public string ReadRow(int row, Dictionary<string, char> glyphs)
        {
            var text = new StringBuilder(Columns);
            for (int column = 0; column < Columns; column++)
                text.Append(glyphs.TryGetValue(Glyph(column, row), out char c) ? c : '?');
            return text.ToString().TrimEnd(' ');
        }

        /// <summary>Every row as text (see <see cref="ReadRow"/>).</summary>
        public string[] ReadScreen(Dictionary<string, char> glyphs)
        {
            string[] rows = new string[Rows];
            for (int row = 0; row < Rows; row++)
                rows[row] = ReadRow(row, glyphs);
            return rows;
        }
    }
}
