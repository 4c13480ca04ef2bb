namespace MyOS.Core.Input.Decoding
{
    /// <summary>
    /// Turns PS/2 scancode set 1 bytes (US layout) into <see cref="Keys"/> codes: characters
    /// with Shift and Caps Lock, Ctrl plus a letter as its control character, Esc, Tab, F1-F12,
    /// the 0xE0 extended keys (arrows, Home, End, Insert, Delete, PageUp, PageDown, keypad Enter
    /// and '/') with Shift/Ctrl/Alt as modifier bits, and the keypad by Num Lock. The 0xE1 Pause
    /// sequence and the 0xE0 "fake Shift" codes produce nothing. Invariant: it allocates nothing
    /// after construction (it runs in the keyboard's interrupt handler) and every byte is
    /// consumed: one byte gives at most one key.
    /// </summary>
    public sealed class Ps2ScancodeDecoder
    {
        /// <summary>No key for this byte.</summary>
        public const int NoKey = -1;

        private const int ExtendedPrefix = 0xE0, PausePrefix = 0xE1, ReleaseBit = 0x80;
        private const int LeftShift = 0x2A, RightShift = 0x36, Ctrl = 0x1D, Alt = 0x38;
        private const int CapsLock = 0x3A, NumLock = 0x45, Escape = 0x01;

        /// <summary>Characters of set-1 scancodes 0x00-0x39 without and with Shift (0 = no character).</summary>
        private const string Plain = "\0\0" + "1234567890-=\b\tqwertyuiop[]\n\0asdfghjkl;'`\0\\zxcvbnm,./\0*\0 ";
        private const string Shifted = "\0\0" + "!@#$%^&*()_+\b\tQWERTYUIOP{}\n\0ASDFGHJKL:\"~\0|ZXCVBNM<>?\0*\0 ";
        /// <summary>The keypad 0x47-0x53 with Num Lock on (0 = not a keypad character key).</summary>
        private const string KeypadDigits = "789-456+1230.";

        /// <summary>Shift keys held (left and right counted apart).</summary>
        private bool _leftShift, _rightShift;
        /// <summary>Ctrl and Alt held (either side).</summary>
        private bool _ctrl, _alt;
        /// <summary>Lock states, toggled by their keys.</summary>
        private bool _capsLock, _numLock;
        /// <summary>The previous byte was 0xE0.</summary>
        private bool _extended;
        /// <summary>Bytes of the Pause sequence still to drop after 0xE1.</summary>
        private int _pauseBytesLeft;

        /// <summary>Decodes one scancode byte; returns the key it completes, or <see cref="NoKey"/>.</summary>
        public int Feed(int code)
        {
            if (_pauseBytesLeft > 0)
            {
                _pauseBytesLeft--;
                return NoKey;
            }
            if (code == PausePrefix)
            {
                _pauseBytesLeft = 2;
                return NoKey;
            }
            if (code == ExtendedPrefix)
            {
                _extended = true;
                return NoKey;
            }
            bool extended = _extended;
            _extended = false;
            bool released = (code & ReleaseBit) != 0;
            int key = code & ~ReleaseBit;

            if (key == LeftShift || key == RightShift)
            {
                // E0 2A / E0 36 are the "fake Shifts" some keyboards wrap around extended keys.
                if (!extended)
                {
                    if (key == LeftShift)
                        _leftShift = !released;
                    else
                        _rightShift = !released;
                }
                return NoKey;
            }
            if (key == Ctrl)
            {
                _ctrl = !released;
                return NoKey;
            }
            if (key == Alt)
            {
                _alt = !released;
                return NoKey;
            }
            if (released)
                return NoKey;
            if (extended)
                return ExtendedKey(key);
            if (key == CapsLock)
            {
                _capsLock = !_capsLock;
                return NoKey;
            }
            if (key == NumLock)
            {
                _numLock = !_numLock;
                return NoKey;
            }
            if (key == Escape)
                return Keys.EscapeKey;
            if (key >= 0x3B && key <= 0x44)
                return (Keys.Function(key - 0x3B + 1)) | Modifiers();
            if (key == 0x57 || key == 0x58)
                return (Keys.Function(key - 0x57 + 11)) | Modifiers();
            if (key >= 0x47 && key <= 0x53)
                return KeypadKey(key);
            return CharacterKey(key);
        }

        private bool ShiftDown => _leftShift || _rightShift;

        private int Modifiers() => (ShiftDown ? Keys.ShiftBit : 0) | (_ctrl ? Keys.CtrlBit : 0) | (_alt ? Keys.AltBit : 0);

        private int CharacterKey(int key)
        {
            if (key >= Plain.Length)
                return NoKey;
            char c = ShiftDown ? Shifted[key] : Plain[key];
            if (c == 0)
                return NoKey;
            bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (_ctrl && letter)
                return Keys.Control(c);
            if (_capsLock && letter)
                c = (char)(c ^ 0x20);
            return c;
        }

        /// <summary>The keypad's 7/8/9/-/4/5/6/+/1/2/3/0/. keys: digits with Num Lock (and no Shift), else the keys printed below them.</summary>
        private int KeypadKey(int key)
        {
            char c = KeypadDigits[key - 0x47];
            if (c == '-' || c == '+' || (_numLock && !ShiftDown))
                return c;
            return NavigationKey(key);
        }

        private int ExtendedKey(int key)
        {
            if (key == 0x1C)
                return Keys.Enter;              // keypad Enter
            if (key == 0x35)
                return '/';                     // keypad '/'
            return NavigationKey(key);
        }

        /// <summary>The arrow and editing keys, shared by the extended block and the keypad without Num Lock.</summary>
        private int NavigationKey(int key)
        {
            int special;
            switch (key)
            {
                case 0x48: special = Keys.Up; break;
                case 0x50: special = Keys.Down; break;
                case 0x4B: special = Keys.Left; break;
                case 0x4D: special = Keys.Right; break;
                case 0x47: special = Keys.Home; break;
                case 0x4F: special = Keys.End; break;
                case 0x49: special = Keys.PageUp; break;
                case 0x51: special = Keys.PageDown; break;
                case 0x52: special = Keys.Insert; break;
                case 0x53: special = Keys.Delete; break;
                default: return NoKey;
            }
            return special | Modifiers();
        }
    }
}
