namespace MyOS.Core.Input
{
    /// <summary>Codes for keys that are not characters, as they come out of <see cref="InputQueue"/>.</summary>
    public static class Keys
    {
        public const int Up = 0x101, Down = 0x102, Left = 0x103, Right = 0x104;
        public const int Home = 0x105, End = 0x106, Delete = 0x107;
        /// <summary>Ctrl-C: abandon the line.</summary>
        public const int Cancel = 3;
        public const int Backspace = 8, Enter = 10, Escape = 27;
    }
}
