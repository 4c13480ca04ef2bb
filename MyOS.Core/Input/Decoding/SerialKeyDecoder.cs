namespace MyOS.Core.Input.Decoding
{
    /// <summary>
    /// Turns the bytes a terminal sends over serial into <see cref="Keys"/> codes, as xterm and
    /// the Linux console send them. Line ends: CR, LF, CRLF and LFCR are each one
    /// <see cref="Keys.Enter"/>. Keys that are not characters come as CSI sequences
    /// (ESC [ params final) with a modifier parameter, SS3 sequences (ESC O final), the Linux
    /// console's ESC [ [ A..E for F1-F5, and a lone Esc, which the next byte or a time-out
    /// (<see cref="Flush"/>) resolves.
    /// Invariant: a sequence that names no known key produces nothing, and a byte that cannot
    /// belong to the sequence it interrupts (a control character, a byte above 0x7E) ends the
    /// sequence and is then decoded on its own, so no byte of a following line is lost.
    /// </summary>
    public sealed class SerialKeyDecoder
    {
        /// <summary>No key: the value of an unused output slot.</summary>
        public const int NoKey = -1;
        /// <summary>Most numeric parameters kept from one sequence; a longer one is ignored whole.</summary>
        private const int MaxParameters = 4;
        /// <summary>Parameters stop growing here, so a flood of digits cannot overflow.</summary>
        private const int MaxParameterValue = 9999;

        private const int Ground = 0, AfterEscape = 1, InCsi = 2, InLinuxFunctionKey = 3, InSs3 = 4;

        /// <summary>Where in a sequence the decoder is: one of Ground .. InSs3.</summary>
        private int _state;
        /// <summary>The sequence's numeric parameters so far (0 = not given).</summary>
        private readonly int[] _parameters = new int[MaxParameters];
        /// <summary>Parameters started so far (a parameter starts with its first digit or a ';').</summary>
        private int _parameterCount;
        /// <summary>The line end ('\r' or '\n') that the previous byte was, or 0: the other one right after it is the same Enter.</summary>
        private int _previousLineEnd;
        /// <summary>The sequence has a private marker, an intermediate byte or too many parameters: it names no key.</summary>
        private bool _unknown;

        /// <summary>Whether bytes of an unfinished sequence (or a lone Esc) are pending.</summary>
        public bool IsInsideSequence => _state != Ground;

        /// <summary>
        /// Decodes one byte (0..255). Returns how many keys it completed (0, 1 or 2) and puts
        /// them in <paramref name="first"/> and <paramref name="second"/> (unused ones are <see cref="NoKey"/>).
        /// Two keys come out when a byte ends a lone Esc or an unfinished sequence and is a key itself.
        /// </summary>
        public int Feed(int value, out int first, out int second)
        {
            first = second = NoKey;
            switch (_state)
            {
                case AfterEscape:
                    if (value == '[')
                    {
                        StartSequence(InCsi);
                        return 0;
                    }
                    if (value == 'O')
                    {
                        StartSequence(InSs3);
                        return 0;
                    }
                    // Anything else: the Esc stood alone, and this byte is decoded on its own.
                    _state = Ground;
                    first = Keys.EscapeKey;
                    return 1 + FeedGround(value, out second);
                case InCsi:
                    if (value == '[' && _parameterCount == 0 && !_unknown)
                    {
                        _state = InLinuxFunctionKey;
                        return 0;
                    }
                    return FeedParameterOrFinal(value, out first, out second, csi: true);
                case InSs3:
                    return FeedParameterOrFinal(value, out first, out second, csi: false);
                case InLinuxFunctionKey:
                    if (value >= 0x40 && value <= 0x7E)
                    {
                        _state = Ground;
                        if (value >= 'A' && value <= 'E')
                        {
                            first = Keys.Function(value - 'A' + 1);
                            return 1;
                        }
                        return 0;
                    }
                    _state = Ground;
                    return FeedGround(value, out first);
                default:
                    return FeedGround(value, out first);
            }
        }

        /// <summary>
        /// Called when no byte came for a while: a pending lone Esc becomes the Esc key; an
        /// unfinished sequence is dropped. Returns the key, or <see cref="NoKey"/>.
        /// </summary>
        public int Flush()
        {
            int state = _state;
            _state = Ground;
            return state == AfterEscape ? Keys.EscapeKey : NoKey;
        }

        private int FeedGround(int value, out int key)
        {
            key = NoKey;
            if (value == '\r' || value == '\n')
            {
                bool secondHalf = _previousLineEnd != 0 && _previousLineEnd != value;
                _previousLineEnd = secondHalf ? 0 : value;
                if (secondHalf)
                    return 0;
                key = Keys.Enter;
                return 1;
            }
            _previousLineEnd = 0;
            if (value == Keys.Escape)
            {
                _state = AfterEscape;
                return 0;
            }
            key = value;
            return 1;
        }

        private void StartSequence(int state)
        {
            _state = state;
            _parameterCount = 0;
            _unknown = false;
            for (int i = 0; i < MaxParameters; i++)
                _parameters[i] = 0;
        }

        private int FeedParameterOrFinal(int value, out int first, out int second, bool csi)
        {
            first = second = NoKey;
            if (value >= '0' && value <= '9')
            {
                if (_parameterCount == 0)
                    _parameterCount = 1;
                if (_parameterCount <= MaxParameters)
                {
                    int current = _parameters[_parameterCount - 1] * 10 + (value - '0');
                    _parameters[_parameterCount - 1] = current > MaxParameterValue ? MaxParameterValue : current;
                }
                return 0;
            }
            if (value == ';')
            {
                // "CSI ;5D" has an empty first parameter: the ';' opens the second.
                _parameterCount = _parameterCount == 0 ? 2 : _parameterCount + 1;
                if (_parameterCount > MaxParameters)
                    _unknown = true;
                return 0;
            }
            if (value >= 0x20 && value <= 0x3F)
            {
                // Private markers (< = > ?), ':' sub-parameters and intermediate bytes: no key uses them.
                _unknown = true;
                return 0;
            }
            _state = Ground;
            if (value >= 0x40 && value <= 0x7E)
            {
                int key = _unknown ? NoKey : csi ? CsiKey(value) : Ss3Key(value);
                if (key == NoKey)
                    return 0;
                first = key;
                return 1;
            }
            // A control character or a byte above 0x7E cannot be part of the sequence: drop the
            // sequence and decode the byte on its own (an Enter inside a broken sequence still ends the line).
            return FeedGround(value, out first);
        }

        /// <summary>The modifier bits of an xterm modifier parameter (1 + Shift 1 + Alt 2 + Ctrl 4 + Meta 8).</summary>
        private static int Modifiers(int parameter)
        {
            if (parameter < 2)
                return 0;
            int bits = parameter - 1;
            int result = 0;
            if ((bits & 1) != 0)
                result |= Keys.ShiftBit;
            if ((bits & (2 | 8)) != 0)
                result |= Keys.AltBit;
            if ((bits & 4) != 0)
                result |= Keys.CtrlBit;
            return result;
        }

        /// <summary>The key of a CSI sequence with final byte <paramref name="final"/>, or <see cref="NoKey"/>.</summary>
        private int CsiKey(int final)
        {
            int modifiers = Modifiers(_parameters[1]);
            int key;
            switch (final)
            {
                case 'A': key = Keys.Up; break;
                case 'B': key = Keys.Down; break;
                case 'C': key = Keys.Right; break;
                case 'D': key = Keys.Left; break;
                case 'H': key = Keys.Home; break;
                case 'F': key = Keys.End; break;
                case 'P': key = Keys.Function(1); break;
                case 'Q': key = Keys.Function(2); break;
                case 'R': key = Keys.Function(3); break;
                case 'S': key = Keys.Function(4); break;
                case 'Z': key = Keys.BackTab; break;
                case '~': key = TildeKey(_parameters[0]); break;
                // rxvt marks Ctrl with '^', Shift with '$' and both with '@' instead of a parameter.
                case '^': key = TildeKey(_parameters[0]); modifiers = Keys.CtrlBit; break;
                case '$': key = TildeKey(_parameters[0]); modifiers = Keys.ShiftBit; break;
                case '@': key = TildeKey(_parameters[0]); modifiers = Keys.CtrlBit | Keys.ShiftBit; break;
                default: return NoKey;
            }
            if (key == NoKey)
                return NoKey;
            // A lone letter final takes no first parameter other than 1 ("CSI 1;5D").
            if (final != '~' && final != '^' && final != '$' && final != '@' && _parameters[0] > 1)
                return NoKey;
            return key | modifiers;
        }

        /// <summary>The key of "CSI n ~" (VT220 and xterm numbering), or <see cref="NoKey"/>.</summary>
        private static int TildeKey(int code)
        {
            switch (code)
            {
                case 1: case 7: return Keys.Home;
                case 2: return Keys.Insert;
                case 3: return Keys.Delete;
                case 4: case 8: return Keys.End;
                case 5: return Keys.PageUp;
                case 6: return Keys.PageDown;
                case 11: case 12: case 13: case 14: case 15: return Keys.Function(code - 10);
                case 17: case 18: case 19: case 20: case 21: return Keys.Function(code - 11);
                case 23: case 24: return Keys.Function(code - 12);
                default: return NoKey;
            }
        }

        /// <summary>The key of an SS3 sequence (application cursor and keypad modes), or <see cref="NoKey"/>.</summary>
        private int Ss3Key(int final)
        {
            // Old xterms put the modifier as the only parameter: "ESC O 5 P".
            int modifiers = Modifiers(_parameterCount >= 2 ? _parameters[1] : _parameters[0]);
            switch (final)
            {
                case 'A': return Keys.Up | modifiers;
                case 'B': return Keys.Down | modifiers;
                case 'C': return Keys.Right | modifiers;
                case 'D': return Keys.Left | modifiers;
                case 'H': return Keys.Home | modifiers;
                case 'F': return Keys.End | modifiers;
                case 'P': return Keys.Function(1) | modifiers;
                case 'Q': return Keys.Function(2) | modifiers;
                case 'R': return Keys.Function(3) | modifiers;
                case 'S': return Keys.Function(4) | modifiers;
                // rxvt: Ctrl with the arrows.
                case 'a': return Keys.Up | Keys.CtrlBit;
                case 'b': return Keys.Down | Keys.CtrlBit;
                case 'c': return Keys.Right | Keys.CtrlBit;
                case 'd': return Keys.Left | Keys.CtrlBit;
                // The keypad in application mode: Enter, '=', and "*+,-./0123456789" on j..y.
                case 'M': return Keys.Enter;
                case 'X': return '=';
            }
            if (final >= 'j' && final <= 'y')
                return "*+,-./0123456789"[final - 'j'];
            return NoKey;
        }
    }
}
