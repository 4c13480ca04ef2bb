using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Immutable UTF-16 text. Layout contract with ILC: a 32-bit length, then the characters and
    /// a terminating NUL; literals are emitted whole by the compiler as frozen objects.
    /// </summary>
    public sealed partial class String
    {
        /// <summary>Number of UTF-16 code units.</summary>
        private readonly int _stringLength;
        /// <summary>The first character; the rest follow in memory.</summary>
        private char _firstChar;

        /// <summary>The empty string.</summary>
        public static readonly string Empty = "";

        /// <summary>Number of characters.</summary>
        public int Length => _stringLength;

        /// <summary>The character at <paramref name="index"/>, bounds checked.</summary>
        [IndexerName("Chars")]
        public char this[int index]
        {
            [Intrinsic]
            get
            {
                if ((uint)index >= (uint)_stringLength)
                    Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowIndexOutOfRangeException();
                return Unsafe.Add(ref _firstChar, index);
            }
        }

        /// <summary>A reference to the first character, for code that copies characters in bulk.</summary>
        internal ref char GetRawFirstChar() => ref _firstChar;
    }
}
