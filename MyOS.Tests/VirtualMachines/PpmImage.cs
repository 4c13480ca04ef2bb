using System;
using System.IO;
using System.Text;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>A binary PPM (P6, 8 bits per channel) picture, as QEMU's `screendump` writes it.</summary>
    public sealed class PpmImage
    {
        private readonly byte[] _rgb;   // 3 bytes per pixel, rows top to bottom

        private PpmImage(int width, int height, byte[] rgb)
        {
            Width = width;
            Height = height;
            _rgb = rgb;
        }

        public int Width { get; }
        public int Height { get; }

        /// <summary>The pixel at (x, y) as 0xRRGGBB.</summary>
        public uint Pixel(int x, int y)
        {
            int at = (y * Width + x) * 3;
            return (uint)(_rgb[at] << 16 | _rgb[at + 1] << 8 | _rgb[at + 2]);
        }

        /// <summary>Reads a P6 file with maximum value 255 (header comments allowed); throws FormatException on anything else.</summary>
        public static PpmImage Read(string path)
        {
            byte[] file = File.ReadAllBytes(path);
            int position = 0;
            string magic = Token(file, ref position);
            if (magic != "P6")
                throw new FormatException($"{path} is not a binary PPM (starts with \"{magic}\")");
            if (!int.TryParse(Token(file, ref position), out int width) || !int.TryParse(Token(file, ref position), out int height)
                || width <= 0 || height <= 0)
            {
                throw new FormatException($"{path}: the PPM header has no valid size");
            }

            string maxValue = Token(file, ref position);
            if (maxValue != "255")
                throw new FormatException($"{path}: PPM with maximum value {maxValue}; only 255 is read");
            position++; // the one whitespace byte after the header
            if (file.Length - position < width * height * 3)
                throw new FormatException($"{path}: the pixel data is cut short");
            return new PpmImage(width, height, file.AsSpan(position, width * height * 3).ToArray());
        }

        private static string Token(byte[] file, ref int position)
        {
            while (position < file.Length && (char.IsWhiteSpace((char)file[position]) || file[position] == '#'))
            {
                if (file[position] == '#')
                {
                    while (position < file.Length && file[position] != '\n')
                        position++;
                }
                else
                {
                    position++;
                }
            }
            int start = position;
            while (position < file.Length && !char.IsWhiteSpace((char)file[position]))
                position++;
            return Encoding.ASCII.GetString(file, start, position - start);
        }
    }
}
