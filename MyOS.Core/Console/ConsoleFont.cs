namespace MyOS.Core.Console
{
    /// <summary>
    /// The console's bitmap font. Its glyphs are turned into C# data at build time from a PSF
    /// font of Debian's console-setup-linux package (MyOS.Build/ConsoleFont.targets writes
    /// ConsoleFontData into obj/), so the image carries them as read-only static data.
    /// </summary>
    public static unsafe class ConsoleFont
    {
        private static BitmapFont s_font;

        /// <summary>The font (made once; its glyphs are static data in the image, never moved).</summary>
        public static BitmapFont Load()
        {
            if (s_font == null)
            {
                fixed (byte* glyphs = &ConsoleFontData.Glyphs[0])
                    s_font = new BitmapFont(glyphs, ConsoleFontData.GlyphCount, ConsoleFontData.Width, ConsoleFontData.Height);
            }
            return s_font;
        }
    }
}
