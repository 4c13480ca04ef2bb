using System;
using System.IO;
using System.Text;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>A binary PPM (P6, 8 bits per channel) picture, as QEMU's `screendump` writes it.</summary>
    public sealed class PpmImage
    {
        private readonly byte[] _rgb;

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

        /// <summary>Reads a P6 file with maxval 255; throws FormatException on anything else.</summary>
        public static PpmImage Read(string path)
        {
            byte[] bytes = File.ReadAllBytes(path);
            int position = 0;
            string[] fields = new string[4];
            for (int i = 0; i < 4; i++)
            {
                while (position < bytes.Length && char.IsWhiteSpace((char)bytes[position]))
                    position++;
                int start = position;
                while (position < bytes.Length && !char.IsWhiteSpace((char)bytes[position]))
                    position++;
                fields[i] = Encoding.ASCII.GetString(bytes, start, position - start);
            }
            position++; // the single whitespace byte before the pixels
            if (fields[0] != "P6" || !int.TryParse(fields[1], out int width) || !int.TryParse(fields[2], out int height) || fields[3] != "255"
                || width <= 0 || height <= 0 || bytes.Length - position < width * height * 3)
                throw new FormatException($"{path} is not an 8-bit binary PPM picture");
            return new PpmImage(width, height, bytes.AsSpan(position, width * height * 3).ToArray());
        }
    }
}
