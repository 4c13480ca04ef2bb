using System.Collections.Generic;
using MyOS.Core.Input;
using MyOS.Core.Input.Decoding;
using Xunit;

namespace MyOS.Tests.Input
{
    /// <summary>The PS/2 scancode set 1 decoder: characters, Shift/Caps/Ctrl, Esc, Tab, F-keys, extended keys, the keypad, prefixes that produce nothing.</summary>
    public sealed class Ps2ScancodeDecoderTests
    {
        private static List<int> Decode(params int[] codes)
        {
            var decoder = new Ps2ScancodeDecoder();
            var keys = new List<int>();
            foreach (int code in codes)
            {
                int key = decoder.Feed(code);
                if (key != Ps2ScancodeDecoder.NoKey)
                    keys.Add(key);
            }
            return keys;
        }

        [Fact]
        public void Letters_ShiftAndCapsLock()
        {
            Assert.Equal(new List<int> { 'a', 'A', 'A', 'a' },
                Decode(0x1E, 0x9E, 0x2A, 0x1E, 0x9E, 0xAA, 0x3A, 0xBA, 0x1E, 0x2A, 0x1E));
        }

        [Fact]
        public void EscTabEnterBackspace()
        {
            Assert.Equal(new List<int> { Keys.EscapeKey, Keys.Tab, Keys.Enter, Keys.Backspace }, Decode(0x01, 0x81, 0x0F, 0x1C, 0x0E));
        }

        [Fact]
        public void CtrlLetters_AreControlCharacters()
        {
            Assert.Equal(new List<int> { 1, 5, 3, 'a' }, Decode(0x1D, 0x1E, 0x12, 0x2E, 0x9D, 0x1E));
        }

        [Fact]
        public void FunctionKeys()
        {
            Assert.Equal(new List<int> { Keys.F1, Keys.F1 + 9, Keys.F1 + 10, Keys.F12 }, Decode(0x3B, 0x44, 0x57, 0x58));
        }

        [Theory]
        [InlineData(0x48, Keys.Up)]
        [InlineData(0x50, Keys.Down)]
        [InlineData(0x4B, Keys.Left)]
        [InlineData(0x4D, Keys.Right)]
        [InlineData(0x47, Keys.Home)]
        [InlineData(0x4F, Keys.End)]
        [InlineData(0x49, Keys.PageUp)]
        [InlineData(0x51, Keys.PageDown)]
        [InlineData(0x52, Keys.Insert)]
        [InlineData(0x53, Keys.Delete)]
        [InlineData(0x1C, Keys.Enter)]
        [InlineData(0x35, '/')]
        public void ExtendedKeys(int code, int key)
        {
            Assert.Equal(new List<int> { key }, Decode(0xE0, code, 0xE0, code | 0x80));
        }

        [Fact]
        public void CtrlWithAnExtendedKey_IsAModifier_AndFakeShiftsAreIgnored()
        {
            Assert.Equal(new List<int> { Keys.Left | Keys.CtrlBit }, Decode(0xE0, 0x1D, 0xE0, 0x4B, 0xE0, 0x9D));
            // Some keyboards wrap extended keys in E0 2A .. E0 AA: no Shift is held.
            Assert.Equal(new List<int> { Keys.Home, 'a' }, Decode(0xE0, 0x2A, 0xE0, 0x47, 0xE0, 0xC7, 0xE0, 0xAA, 0x1E));
        }

        [Fact]
        public void Keypad_FollowsNumLock()
        {
            Assert.Equal(new List<int> { Keys.Home, '7', '-' }, Decode(0x47, 0x45, 0xC5, 0x47, 0x4A));
        }

        [Fact]
        public void PauseSequence_ProducesNothing()
        {
            Assert.Equal(new List<int> { 'a' }, Decode(0xE1, 0x1D, 0x45, 0xE1, 0x9D, 0xC5, 0x1E));
        }
    }
}
