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

        private readonly PpmImage _image;

        private VgaScreenshot(PpmImage image) => _image = image;

        /// <summary>Reads a binary PPM file as QEMU's screendump writes it.</summary>
        public static VgaScreenshot Load(string path)
        {
            PpmImage image = PpmImage.Read(path);
            if (image.Width % Columns != 0 || image.Height % Rows != 0)
                throw new FormatException($"{path}: {image.Width}x{image.Height} pixels is not an 80x25 text screen");
            return new VgaScreenshot(image);
        }

        /// <summary>The glyph of a cell: one character per pixel, '#' lit and '.' background, row by row.</summary>
        public string Glyph(int column, int row)
        {
            int cellWidth = _image.Width / Columns, cellHeight = _image.Height / Rows;
            var glyph = new StringBuilder(cellWidth * cellHeight);
            for (int y = row * cellHeight; y < (row + 1) * cellHeight; y++)
            {
                for (int x = column * cellWidth; x < (column + 1) * cellWidth; x++)
                    glyph.Append(_image.Pixel(x, y) != 0 ? '#' : '.');
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
