namespace MyOS.Core.Boot
{
    /// <summary>
    /// The kernel command line GRUB passes (multiboot2 tag 1): options separated by spaces,
    /// each `name` or `name=value`. Cosmos.config's settings arrive here (serial=false,
    /// test=fault-null, ...). Reads the bytes in place; allocates nothing.
    /// </summary>
    public sealed unsafe class KernelCommandLine
    {
        /// <summary>The command line's bytes (not NUL-terminated here), or null for an empty line.</summary>
        private readonly byte* _text;
        /// <summary>Number of bytes at <see cref="_text"/>.</summary>
        private readonly int _length;

        /// <summary>Wraps <paramref name="length"/> bytes at <paramref name="text"/>.</summary>
        public KernelCommandLine(byte* text, int length)
        {
            _text = text;
            _length = text == null || length < 0 ? 0 : length;
        }

        /// <summary>Number of bytes in the command line.</summary>
        public int Length => _length;

        /// <summary>The byte at <paramref name="index"/>.</summary>
        public byte this[int index] => (uint)index < (uint)_length ? _text[index] : (byte)0;

        /// <summary>Whether the option `name=value` is present exactly.</summary>
        public bool Has(string name, string value)
        {
            int position = 0;
            while (NextOption(ref position, out int start, out int end))
            {
                int equals = EqualsSign(start, end);
                if (equals < end && Matches(start, equals, name) && Matches(equals + 1, end, value))
                    return true;
            }
            return false;
        }

        /// <summary>Whether the option `name` (alone or with any value) is present.</summary>
        public bool Has(string name)
        {
            int position = 0;
            while (NextOption(ref position, out int start, out int end))
            {
                int equals = EqualsSign(start, end);
                if (Matches(start, equals, name))
                    return true;
            }
            return false;
        }

        /// <summary>
        /// The decimal value of the option `name=digits`; false when the option is absent or its
        /// value is not a decimal number that fits in 64 bits. When it is given more than once
        /// the last one counts (a test runner appends its options after the build's).
        /// </summary>
        public bool TryGetNumber(string name, out ulong number)
        {
            number = 0;
            bool found = false;
            int position = 0;
            while (NextOption(ref position, out int start, out int end))
            {
                int equals = EqualsSign(start, end);
                if (equals >= end || !Matches(start, equals, name))
                    continue;
                found = TryParseDecimal(equals + 1, end, out number);
            }
            if (!found)
                number = 0;
            return found;
        }

        private bool TryParseDecimal(int start, int end, out ulong value)
        {
            value = 0;
            if (start == end)
                return false;
            for (int i = start; i < end; i++)
            {
                uint digit = (uint)(_text[i] - (byte)'0');
                if (digit > 9 || value > (ulong.MaxValue - digit) / 10)
                    return false;
                value = value * 10 + digit;
            }
            return true;
        }

        /// <summary>The position of the first '=' in [start, end), or end when there is none.</summary>
        private int EqualsSign(int start, int end)
        {
            int equals = start;
            while (equals < end && _text[equals] != (byte)'=')
                equals++;
            return equals;
        }

        /// <summary>Finds the next space-separated option at or after <paramref name="position"/>.</summary>
        private bool NextOption(ref int position, out int start, out int end)
        {
            while (position < _length && _text[position] == (byte)' ')
                position++;
            start = position;
            while (position < _length && _text[position] != (byte)' ' && _text[position] != 0)
                position++;
            end = position;
            return end > start;
        }

        private bool Matches(int start, int end, string expected)
        {
            if (end - start != expected.Length)
                return false;
            for (int i = 0; i < expected.Length; i++)
            {
                if (_text[start + i] != (byte)expected[i])
                    return false;
            }

            return true;
        }
    }
}
