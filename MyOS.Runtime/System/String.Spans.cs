using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Strings as spans of characters.</summary>
    public sealed partial class String
    {
        /// <summary>The characters, read-only.</summary>
        public static implicit operator ReadOnlySpan<char>(string value) => MemoryExtensions.AsSpan(value);

        /// <summary>A reference to the first character (for spans over the string).</summary>
        internal ref char FirstCharReference => ref _firstChar;

        /// <summary>A string of the characters in <paramref name="value"/>.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(ReadOnlySpan<char> value);

        private static string Ctor(ReadOnlySpan<char> value)
        {
            string result = FastAllocateString(value.Length);
            for (int i = 0; i < value.Length; i++)
                Unsafe.Add(ref result._firstChar, i) = value[i];
            return result;
        }
    }
}
