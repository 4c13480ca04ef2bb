namespace MyOS.Core.Console
{
    /// <summary>
    /// A fixed-size bitmap font: GlyphCount glyphs of Width x Height pixels, each row
    /// ceil(Width / 8) bytes with the leftmost pixel in the highest bit (the PSF layout), glyph
    /// i for character code i (Latin-1). The bytes are not copied: the caller keeps them alive
    /// (the kernel's font is static data in the image). Invariant: Glyphs holds
    /// GlyphCount * BytesPerGlyph bytes and GlyphCount &gt; '?'.
    /// </summary>
    public sealed unsafe class BitmapFont
    {
        private readonly byte* _glyphs;

        /// <summary>Wraps <paramref name="glyphCount"/> glyphs at <paramref name="glyphs"/>; check with <see cref="IsUsable"/>.</summary>
        public BitmapFont(byte* glyphs, int glyphCount, int width, int height)
        {
            _glyphs = glyphs;
            GlyphCount = glyphCount;
            Width = width;
            Height = height;
        }

        /// <summary>Glyphs in the font.</summary>
        public int GlyphCount { get; }
        /// <summary>Pixels per glyph row.</summary>
        public int Width { get; }
        /// <summary>Pixel rows per glyph.</summary>
        public int Height { get; }
        /// <summary>Bytes in one glyph row.</summary>
        public int BytesPerRow => (Width + 7) / 8;
        /// <summary>Bytes in one glyph.</summary>
        public int BytesPerGlyph => BytesPerRow * Height;

        /// <summary>True when the font can be drawn with: glyph data, sizes 1..32, and a '?' glyph.</summary>
        public bool IsUsable => _glyphs != null && Width >= 1 && Width <= 32 && Height >= 1 && Height <= 64 && GlyphCount > '?';

        /// <summary>The glyph of <paramref name="c"/>, or of '?' when the font has none for it.</summary>
        public byte* Glyph(char c)
        {
            int index = c < GlyphCount ? c : '?';
            return _glyphs + index * BytesPerGlyph;
        }

        /// <summary>True when pixel (x, y) of <paramref name="glyph"/> is set.</summary>
        public bool IsSet(byte* glyph, int x, int y) => (glyph[y * BytesPerRow + (x >> 3)] & (0x80 >> (x & 7))) != 0;
    }
}
