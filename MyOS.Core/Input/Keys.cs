namespace MyOS.Core.Input
{
    /// <summary>
    /// Codes of keys as the shell reads them. A code below 0x100 is a character (control
    /// characters included: Ctrl-A is 1, Tab 9, Enter 10 or 13); a code from 0x100 up is a key
    /// that is no character, optionally with modifier bits (<see cref="ShiftBit"/>,
    /// <see cref="AltBit"/>, <see cref="CtrlBit"/>) added. Both the serial decoder and the PS/2
    /// decoder produce these codes, so the line editor never knows where a key came from.
    /// </summary>
    public static class Keys
    {
        public const int Up = 0x101, Down = 0x102, Left = 0x103, Right = 0x104;
        public const int Home = 0x105, End = 0x106, Delete = 0x107, Insert = 0x108;
        public const int PageUp = 0x109, PageDown = 0x10A;
        /// <summary>The Esc key on its own (not the start of a sequence).</summary>
        public const int EscapeKey = 0x10B;
        /// <summary>Shift-Tab (CSI Z).</summary>
        public const int BackTab = 0x10C;
        /// <summary>F1; F2..F12 follow in order (F1 + n - 1).</summary>
        public const int F1 = 0x111;
        /// <summary>F12, the last function key.</summary>
        public const int F12 = F1 + 11;

        /// <summary>Modifier bits added to a non-character key.</summary>
        public const int ShiftBit = 0x1000, AltBit = 0x2000, CtrlBit = 0x4000;
        /// <summary>Mask that removes the modifier bits.</summary>
        public const int BaseMask = 0x0FFF;

        /// <summary>Ctrl-C: abandon the line.</summary>
        public const int Cancel = 3;
        public const int Backspace = 8, Tab = 9, Enter = 10, Escape = 27, DeleteCharacter = 127;

        /// <summary>The control character Ctrl plus <paramref name="letter"/> gives ('A'..'Z' or 'a'..'z').</summary>
        public static int Control(char letter) => letter & 0x1F;

        /// <summary>F<paramref name="number"/> (1..12).</summary>
        public static int Function(int number) => F1 + number - 1;
    }
}
