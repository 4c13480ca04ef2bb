using System.Collections.Generic;
using MyOS.Core.Input;
using MyOS.Core.Input.Decoding;
using Xunit;

namespace MyOS.Tests.Input
{
    /// <summary>
    /// The serial decoder against the byte sequences xterm and the Linux console send: every
    /// known key, modifiers, a lone Esc resolved by the next byte or the time-out, unknown
    /// sequences dropped whole, and line ends (CR, LF, CRLF, LFCR) as one Enter each.
    /// </summary>
    public sealed class SerialKeyDecoderTests
    {
        /// <summary>The keys the bytes of <paramref name="text"/> decode to (no time-out at the end).</summary>
        private static List<int> Decode(string text, SerialKeyDecoder decoder = null)
        {
            decoder ??= new SerialKeyDecoder();
            var keys = new List<int>();
            foreach (char c in text)
            {
                int count = decoder.Feed(c, out int first, out int second);
                if (count >= 1)
                    keys.Add(first);
                if (count == 2)
                    keys.Add(second);
                if (count < 2)
                    Assert.Equal(SerialKeyDecoder.NoKey, second);
            }
            return keys;
        }

        [Theory]
        [InlineData("\x1b[A", Keys.Up)]
        [InlineData("\x1b[B", Keys.Down)]
        [InlineData("\x1b[C", Keys.Right)]
        [InlineData("\x1b[D", Keys.Left)]
        [InlineData("\x1b[H", Keys.Home)]
        [InlineData("\x1b[F", Keys.End)]
        [InlineData("\x1bOA", Keys.Up)]
        [InlineData("\x1bOB", Keys.Down)]
        [InlineData("\x1bOC", Keys.Right)]
        [InlineData("\x1bOD", Keys.Left)]
        [InlineData("\x1bOH", Keys.Home)]
        [InlineData("\x1bOF", Keys.End)]
        [InlineData("\x1b[1~", Keys.Home)]
        [InlineData("\x1b[7~", Keys.Home)]
        [InlineData("\x1b[2~", Keys.Insert)]
        [InlineData("\x1b[3~", Keys.Delete)]
        [InlineData("\x1b[4~", Keys.End)]
        [InlineData("\x1b[8~", Keys.End)]
        [InlineData("\x1b[5~", Keys.PageUp)]
        [InlineData("\x1b[6~", Keys.PageDown)]
        [InlineData("\x1bOP", Keys.F1)]
        [InlineData("\x1bOQ", Keys.F1 + 1)]
        [InlineData("\x1bOR", Keys.F1 + 2)]
        [InlineData("\x1bOS", Keys.F1 + 3)]
        [InlineData("\x1b[11~", Keys.F1)]
        [InlineData("\x1b[15~", Keys.F1 + 4)]
        [InlineData("\x1b[17~", Keys.F1 + 5)]
        [InlineData("\x1b[21~", Keys.F1 + 9)]
        [InlineData("\x1b[23~", Keys.F1 + 10)]
        [InlineData("\x1b[24~", Keys.F12)]
        [InlineData("\x1b[[A", Keys.F1)]
        [InlineData("\x1b[[E", Keys.F1 + 4)]
        [InlineData("\x1b[Z", Keys.BackTab)]
        [InlineData("\x1b[1;5D", Keys.Left | Keys.CtrlBit)]
        [InlineData("\x1b[1;5C", Keys.Right | Keys.CtrlBit)]
        [InlineData("\x1b[1;2A", Keys.Up | Keys.ShiftBit)]
        [InlineData("\x1b[1;3D", Keys.Left | Keys.AltBit)]
        [InlineData("\x1b[1;8H", Keys.Home | Keys.ShiftBit | Keys.AltBit | Keys.CtrlBit)]
        [InlineData("\x1b[3;5~", Keys.Delete | Keys.CtrlBit)]
        [InlineData("\x1b[5;2~", Keys.PageUp | Keys.ShiftBit)]
        [InlineData("\x1b[1;2P", Keys.F1 | Keys.ShiftBit)]
        [InlineData("\x1bO5D", Keys.Left | Keys.CtrlBit)]
        [InlineData("\x1bOd", Keys.Left | Keys.CtrlBit)]
        [InlineData("\x1b[3^", Keys.Delete | Keys.CtrlBit)]
        [InlineData("\x1bOM", Keys.Enter)]
        [InlineData("\x1bOp", '0')]
        [InlineData("\x1bOk", '+')]
        public void KnownSequence_IsOneKey(string bytes, int key)
        {
            Assert.Equal(new List<int> { key }, Decode(bytes));
        }

        [Theory]
        [InlineData("\x1b[?1;2c")]      // a device-attributes reply
        [InlineData("\x1b[<0;12;5M")]   // an SGR mouse report
        [InlineData("\x1b[200~")]       // bracketed paste start
        [InlineData("\x1b[99~")]
        [InlineData("\x1b[5D")]         // a letter final with a count
        [InlineData("\x1b[1;2;3;4;5A")] // too many parameters
        [InlineData("\x1b[1 q")]        // an intermediate byte
        [InlineData("\x1bOz")]
        [InlineData("\x1b[[Z")]
        [InlineData("\x1b[99999999999999999999A")]
        public void UnknownSequence_ProducesNothing_AndTheNextByteIsAKey(string bytes)
        {
            Assert.Equal(new List<int> { 'x' }, Decode(bytes + "x"));
        }

        [Fact]
        public void LoneEsc_IsResolvedByTheNextByte_WhichIsNotLost()
        {
            Assert.Equal(new List<int> { 'a', Keys.EscapeKey, 'b', 'c' }, Decode("a\x1b" + "bc"));
            Assert.Equal(new List<int> { Keys.EscapeKey, Keys.EscapeKey, Keys.EscapeKey, Keys.Up }, Decode("\x1b\x1b\x1b\x1b[A"));
        }

        [Fact]
        public void LoneEsc_IsResolvedByTheTimeOut()
        {
            var decoder = new SerialKeyDecoder();
            Assert.Empty(Decode("\x1b", decoder));
            Assert.True(decoder.IsInsideSequence);
            Assert.Equal(Keys.EscapeKey, decoder.Flush());
            Assert.False(decoder.IsInsideSequence);
            Assert.Equal(new List<int> { '[', 'A' }, Decode("[A", decoder));
        }

        [Fact]
        public void UnfinishedSequence_IsDroppedByTheTimeOut()
        {
            var decoder = new SerialKeyDecoder();
            Assert.Empty(Decode("\x1b[1;5", decoder));
            Assert.Equal(SerialKeyDecoder.NoKey, decoder.Flush());
            Assert.Equal(new List<int> { 'D' }, Decode("D", decoder));
        }

        [Fact]
        public void ControlByteInsideASequence_EndsIt_AndIsStillDecoded()
        {
            Assert.Equal(new List<int> { Keys.Enter, 'l', 's' }, Decode("\x1b[1;\rls"));
            Assert.Equal(new List<int> { Keys.Up }, Decode("\x1b[1\x1b[A"));
            Assert.Equal(new List<int> { Keys.EscapeKey, Keys.Enter }, Decode("\x1b\r"));
            Assert.Equal(new List<int> { 0xE9 }, Decode("\x1bO\u00e9"));
        }

        [Theory]
        [InlineData("a\rb\r", 2)]
        [InlineData("a\nb\n", 2)]
        [InlineData("a\r\nb\r\n", 2)]
        [InlineData("a\n\rb\n\r", 2)]
        [InlineData("\r\r", 2)]
        [InlineData("\n\n", 2)]
        [InlineData("\r\n\r\n", 2)]
        [InlineData("\n\r\n\r", 2)]
        [InlineData("\r\x1b[A\n", 2)]
        public void LineEnds_AreOneEnterEach(string bytes, int enters)
        {
            Assert.Equal(enters, Decode(bytes).FindAll(k => k == Keys.Enter).Count);
        }

        [Fact]
        public void EveryByteSequence_DecodesWithoutLosingPlainText()
        {
            // Random bytes with sequences and text mixed: each printable byte that follows a
            // complete known sequence must come out, in order.
            var random = new System.Random(16);
            for (int round = 0; round < 2000; round++)
            {
                string noise = "";
                for (int i = random.Next(0, 8); i > 0; i--)
                    noise += (char)random.Next(0, 256);
                var decoder = new SerialKeyDecoder();
                Decode(noise, decoder);
                decoder.Flush();
                Assert.Equal(new List<int> { Keys.Right, 'o', 'k' }, Decode("\x1b[C" + "ok", decoder));
            }
        }
    }
}
