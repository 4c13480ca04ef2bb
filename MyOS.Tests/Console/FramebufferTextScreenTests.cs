using System;
using System.Runtime.InteropServices;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Boot;
using MyOS.Core.Console;
using Xunit;

namespace MyOS.Tests.Console
{
    /// <summary>
    /// The framebuffer text renderer drawing into a plain buffer with a synthetic font: glyph
    /// pixels in the right colours, cursor underline, scrolling, colour field packing, and
    /// framebuffers it must refuse.
    /// </summary>
    public unsafe class FramebufferTextScreenTests : IDisposable
    {
        private const int GlyphWidth = 8, GlyphHeight = 16;
        private readonly byte* _glyphs;
        private readonly BitmapFont _font;
        private byte* _pixels;

        public FramebufferTextScreenTests()
        {
            // Glyph c: rows 0..7 hold the bit pattern c, rows 8..15 are empty.
            _glyphs = (byte*)NativeMemory.AllocZeroed(256 * GlyphHeight);
            for (int c = 0; c < 256; c++)
            {
                for (int y = 0; y < GlyphHeight; y++)
                    _glyphs[c * GlyphHeight + y] = y < 8 ? (byte)c : (byte)0;
            }

            _font = new BitmapFont(_glyphs, 256, GlyphWidth, GlyphHeight);
        }

        public void Dispose()
        {
            NativeMemory.Free(_glyphs);
            if (_pixels != null)
                NativeMemory.Free(_pixels);
        }

        private static FramebufferInfo Rgb32(uint width, uint height, uint pitch) => new FramebufferInfo
        {
            Address = 0x80000000,
            Width = width,
            Height = height,
            Pitch = pitch,
            BitsPerPixel = 32,
            Kind = FramebufferKind.Rgb,
            RedPosition = 16,
            RedSize = 8,
            GreenPosition = 8,
            GreenSize = 8,
            BluePosition = 0,
            BlueSize = 8,
        };

        private FramebufferTextScreen Screen(FramebufferInfo fb)
        {
            Assert.Null(FramebufferTextScreen.CannotDraw(fb, _font));
            _pixels = (byte*)NativeMemory.AllocZeroed((nuint)fb.SizeBytes);
            NativeMemory.Fill(_pixels, (nuint)fb.SizeBytes, 0xEE);   // what the renderer must overwrite
            return new FramebufferTextScreen(_pixels, fb, _font);
        }

        [Fact]
        public void GridFollowsTheFramebufferAndClearPaintsTheBackground()
        {
            var screen = Screen(Rgb32(1024, 768, 4096 + 64));   // a pitch wider than a row
            Assert.Equal(128, screen.Width);
            Assert.Equal(48, screen.Height);
            Assert.Equal(0u, screen.PixelAt(1023, 767));
            Assert.Equal(0xEEu, _pixels[4096]);   // padding past the row is not touched
        }

        [Fact]
        public void CharacterPixelsUseForegroundAndBackground()
        {
            var screen = Screen(Rgb32(640, 400, 2560));
            screen.SetColors(VgaColor.Yellow, VgaColor.Blue);
            screen.Write((char)0x81);   // bits 1000 0001
            Assert.Equal(0xFFFF55u, screen.PixelAt(0, 0));   // leftmost bit set: yellow
            Assert.Equal(0x0000AAu, screen.PixelAt(1, 0));   // clear: blue
            Assert.Equal(0xFFFF55u, screen.PixelAt(7, 0));
            Assert.Equal(0x0000AAu, screen.PixelAt(3, 12));
            Assert.Equal((char)0x81, screen.CharacterAt(0, 0));
            Assert.Equal(1, screen.Column);
        }

        [Fact]
        public void CursorIsAnUnderlineThatMovesAway()
        {
            var screen = Screen(Rgb32(640, 400, 2560));
            screen.Write(' ');
            // Cursor now on cell (1, 0): its bottom two rows are light grey.
            Assert.Equal(0xAAAAAAu, screen.PixelAt(8, 15));
            Assert.Equal(0xAAAAAAu, screen.PixelAt(15, 14));
            Assert.Equal(0u, screen.PixelAt(8, 13));
            screen.MoveTo(5, 3);
            Assert.Equal(0u, screen.PixelAt(8, 15));   // erased from the old cell
            Assert.Equal(0xAAAAAAu, screen.PixelAt(5 * 8, 3 * 16 + 15));
        }

        [Fact]
        public void NewLineAtTheBottomScrollsCellsAndPixels()
        {
            var screen = Screen(Rgb32(640, 400, 2560));   // 80 x 25
            screen.Write('\x01');   // glyph 1: only the rightmost pixel of rows 0..7
            for (int i = 0; i < 25; i++)
                screen.Write('\n');
            Assert.Equal(24, screen.Row);
            Assert.Equal('\0', screen.CharacterAt(0, -1));
            // The first line scrolled off: row 0 now holds what was row 1 (blank), and nothing is left of glyph 1.
            for (int y = 0; y < 400; y++)
                Assert.NotEqual(0xAAAAAAu, y < 384 ? screen.PixelAt(7, y) : 0);
        }

        [Fact]
        public void ScrollKeepsTextInOrder()
        {
            var screen = Screen(Rgb32(640, 400, 2560));
            for (int line = 0; line < 30; line++)
            {
                screen.Write((char)('A' + line % 26));
                screen.Write('\n');
            }
            // 30 lines and a newline each: the screen shows lines 6..29 then the empty cursor line.
            Assert.Equal((char)('A' + 6), screen.CharacterAt(0, 0));
            Assert.Equal((char)('A' + 29 % 26), screen.CharacterAt(0, 23));
            byte glyphRow0 = _glyphs[('A' + 6) * GlyphHeight];
            for (int x = 0; x < 8; x++)
                Assert.Equal((glyphRow0 & (0x80 >> x)) != 0 ? 0xAAAAAAu : 0u, screen.PixelAt(x, 0));
        }

        [Fact]
        public void LongLinesWrapAndPutAtIgnoresCellsOffTheScreen()
        {
            var screen = Screen(Rgb32(640, 400, 2560));
            for (int i = 0; i < 81; i++)
                screen.Write('x');
            Assert.Equal(1, screen.Row);
            Assert.Equal(1, screen.Column);
            screen.PutAt(80, 0, 'y', 0x07);
            screen.PutAt(-1, 0, 'y', 0x07);
            screen.PutAt(0, 25, 'y', 0x07);
            screen.PutAt(2, 2, 'z', 0x4F);
            Assert.Equal('z', screen.CharacterAt(2, 2));
            Assert.Equal(0xAA0000u, screen.PixelAt(2 * 8 + 1, 2 * 16 + 15));   // red background where glyph bits are clear
        }

        [Fact]
        public void WrapIsDeferredAndScrollsAreCounted()
        {
            var screen = Screen(Rgb32(640, 400, 2560));   // 80 x 25
            for (int i = 0; i < 80; i++)
                screen.Write('a');
            Assert.Equal(0, screen.Row);             // a full line leaves the cursor in the last column
            Assert.Equal(79, screen.Column);
            Assert.Equal(80, screen.Cell);           // with a wrap pending
            screen.Write('\n');
            Assert.Equal(1, screen.Row);             // the line and its newline took one row
            for (int i = 0; i < 30; i++)
                screen.Write('\n');
            Assert.Equal(7UL, screen.LinesScrolled); // rows 1 + 30 = 31: 7 past the 25th
            screen.MoveToCell(80 * 25);
            Assert.Equal(80 * 25, screen.Cell);
            screen.Write('z');                       // the pending wrap scrolls first
            Assert.Equal(8UL, screen.LinesScrolled);
            Assert.Equal('z', screen.CharacterAt(0, 24));
        }

        [Fact]
        public void SixteenBitPixelsPackTheColourFields()
        {
            var fb = new FramebufferInfo
            {
                Width = 640,
                Height = 400,
                Pitch = 1280,
                BitsPerPixel = 16,
                Kind = FramebufferKind.Rgb,
                RedPosition = 11,
                RedSize = 5,
                GreenPosition = 5,
                GreenSize = 6,
                BluePosition = 0,
                BlueSize = 5,
            };
            var screen = Screen(fb);
            Assert.Equal(0xFFFFu, screen.PixelOf(VgaColor.White));
            Assert.Equal((uint)(0x0A << 11 | 0x15 << 5 | 0x1F), screen.PixelOf(VgaColor.LightBlue)); // 0x55 >> 3, 0x55 >> 2, 0xFF >> 3
            screen.SetColors(VgaColor.White, VgaColor.Black);
            screen.Write((char)0x80);
            Assert.Equal(0xFFFFu, screen.PixelAt(0, 0));
            Assert.Equal(0u, screen.PixelAt(1, 0));
        }

        [Fact]
        public void WideGlyphsUseTwoBytesPerRow()
        {
            // A 16x32 font (PSF2 Terminus32x16 has this shape): row bytes 0x80 0x01 set x = 0 and x = 15.
            byte* wide = (byte*)NativeMemory.AllocZeroed(256 * 2 * 32);
            try
            {
                for (int c = 0; c < 256; c++)
                {
                    wide[c * 64] = 0x80;
                    wide[c * 64 + 1] = 0x01;
                }
                var font = new BitmapFont(wide, 256, 16, 32);
                FramebufferInfo fb = Rgb32(1024, 768, 4096);
                Assert.Null(FramebufferTextScreen.CannotDraw(fb, font));
                _pixels = (byte*)NativeMemory.AllocZeroed((nuint)fb.SizeBytes);
                var screen = new FramebufferTextScreen(_pixels, fb, font);
                Assert.Equal(64, screen.Width);
                Assert.Equal(24, screen.Height);
                screen.Write('A');
                Assert.Equal(0xAAAAAAu, screen.PixelAt(0, 0));
                Assert.Equal(0u, screen.PixelAt(1, 0));
                Assert.Equal(0xAAAAAAu, screen.PixelAt(15, 0));
                Assert.Equal(0u, screen.PixelAt(0, 1));
            }
            finally
            {
                NativeMemory.Free(wide);
            }
        }

        [Fact]
        public void UnsuitableFramebuffersAreRefusedWithAReason()
        {
            FramebufferInfo good = Rgb32(1024, 768, 4096);
            Assert.Null(FramebufferTextScreen.CannotDraw(good, _font));
            FramebufferInfo indexed = good;
            indexed.Kind = FramebufferKind.Indexed;
            Assert.Contains("not direct colour", FramebufferTextScreen.CannotDraw(indexed, _font));
            FramebufferInfo eightBit = good;
            eightBit.BitsPerPixel = 8;
            Assert.Contains("16, 24 or 32", FramebufferTextScreen.CannotDraw(eightBit, _font));
            FramebufferInfo field = good;
            field.RedPosition = 30;
            Assert.Contains("colour field", FramebufferTextScreen.CannotDraw(field, _font));
            FramebufferInfo narrowPitch = good;
            narrowPitch.Pitch = 1024;
            Assert.Contains("pitch", FramebufferTextScreen.CannotDraw(narrowPitch, _font));
            FramebufferInfo tiny = Rgb32(200, 100, 800);
            Assert.Contains("too small", FramebufferTextScreen.CannotDraw(tiny, _font));
            Assert.Contains("font", FramebufferTextScreen.CannotDraw(good, new BitmapFont(null, 256, 8, 16)));
            Assert.Contains("font", FramebufferTextScreen.CannotDraw(good, new BitmapFont(_glyphs, 10, 8, 16)));
        }
    }
}
