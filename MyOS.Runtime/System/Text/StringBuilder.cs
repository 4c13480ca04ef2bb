namespace System.Text
{
    /// <summary>
    /// A mutable string: characters in a growable array (doubling), turned into a string by
    /// <see cref="ToString()"/>. Appending numbers uses the same invariant formatting as ToString.
    /// </summary>
    public sealed class StringBuilder
    {
        /// <summary>The characters; only the first <see cref="_length"/> are in use.</summary>
        private char[] _chars;
        /// <summary>Number of characters in use.</summary>
        private int _length;

        /// <summary>An empty builder.</summary>
        public StringBuilder() : this(16) { }

        /// <summary>An empty builder with room for <paramref name="capacity"/> characters.</summary>
        public StringBuilder(int capacity) => _chars = new char[capacity < 1 ? 1 : capacity];

        /// <summary>A builder holding <paramref name="value"/>.</summary>
        public StringBuilder(string value) : this(value == null ? 16 : value.Length + 16) => Append(value);

        /// <summary>Number of characters; setting it truncates or pads with NUL.</summary>
        public int Length
        {
            get => _length;
            set
            {
                if (value < 0)
                    Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
                EnsureRoom(value - _length);
                for (int i = _length; i < value; i++)
                    _chars[i] = '\0';
                _length = value;
            }
        }

        /// <summary>The character at <paramref name="index"/>.</summary>
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length)
                    Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowIndexOutOfRangeException();
                return _chars[index];
            }
            set
            {
                if ((uint)index >= (uint)_length)
                    Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowIndexOutOfRangeException();
                _chars[index] = value;
            }
        }

        private void EnsureRoom(int extra)
        {
            if (extra <= 0 || _length + extra <= _chars.Length)
                return;
            int capacity = _chars.Length * 2;
            if (capacity < _length + extra)
                capacity = _length + extra;
            char[] grown = new char[capacity];
            Array.Copy(_chars, grown, _length);
            _chars = grown;
        }

        /// <summary>Appends a character.</summary>
        public StringBuilder Append(char value)
        {
            EnsureRoom(1);
            _chars[_length++] = value;
            return this;
        }

        /// <summary>Appends <paramref name="repeatCount"/> copies of a character.</summary>
        public StringBuilder Append(char value, int repeatCount)
        {
            EnsureRoom(repeatCount);
            for (int i = 0; i < repeatCount; i++)
                _chars[_length++] = value;
            return this;
        }

        /// <summary>Appends a string (null appends nothing).</summary>
        public StringBuilder Append(string value)
        {
            if (value == null)
                return this;
            EnsureRoom(value.Length);
            for (int i = 0; i < value.Length; i++)
                _chars[_length++] = value[i];
            return this;
        }

        /// <summary>Appends an integer in decimal.</summary>
        public StringBuilder Append(int value) => Append(value.ToString());

        /// <summary>Appends an integer in decimal.</summary>
        public StringBuilder Append(long value) => Append(value.ToString());

        /// <summary>Appends an integer in decimal.</summary>
        public StringBuilder Append(uint value) => Append(value.ToString());

        /// <summary>Appends an integer in decimal.</summary>
        public StringBuilder Append(ulong value) => Append(value.ToString());

        /// <summary>Appends "True" or "False".</summary>
        public StringBuilder Append(bool value) => Append(value.ToString());

        /// <summary>Appends the object's text (null appends nothing).</summary>
        public StringBuilder Append(object value) => value == null ? this : Append(value.ToString());

        /// <summary>Appends a line break ("\n").</summary>
        public StringBuilder AppendLine() => Append('\n');

        /// <summary>Appends a string and a line break.</summary>
        public StringBuilder AppendLine(string value) => Append(value).Append('\n');

        /// <summary>Inserts a string at <paramref name="index"/>.</summary>
        public StringBuilder Insert(int index, string value)
        {
            if ((uint)index > (uint)_length)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            if (value == null || value.Length == 0)
                return this;
            EnsureRoom(value.Length);
            Array.Copy(_chars, index, _chars, index + value.Length, _length - index);
            for (int i = 0; i < value.Length; i++)
                _chars[index + i] = value[i];
            _length += value.Length;
            return this;
        }

        /// <summary>Removes the characters [startIndex, startIndex + length).</summary>
        public StringBuilder Remove(int startIndex, int length)
        {
            if (startIndex < 0 || length < 0 || startIndex > _length - length)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            Array.Copy(_chars, startIndex + length, _chars, startIndex, _length - startIndex - length);
            _length -= length;
            return this;
        }

        /// <summary>Removes every character.</summary>
        public StringBuilder Clear()
        {
            _length = 0;
            return this;
        }

        /// <summary>The characters as a string.</summary>
        public override string ToString() => new string(_chars, 0, _length);
    }
}
