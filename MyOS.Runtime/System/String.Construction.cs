using System.Runtime.CompilerServices;
using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System
{
    /// <summary>Creating strings: allocation and the constructors (ILC maps each extern constructor to the static Ctor with the same parameters).</summary>
    public sealed partial class String
    {
        /// <summary>A new string of <paramref name="length"/> NUL characters, to be filled in by the caller.</summary>
        internal static unsafe string FastAllocateString(int length)
        {
            if (length == 0)
                return "";
            // Every string literal carries the string MethodTable; borrow it from the empty one.
            MethodTable* stringType = "".m_pEEType;
            return Unsafe.As<string>(StartupCodeHelpers.AllocateArray(stringType, length));
        }

        /// <summary>A string of the characters value[startIndex .. startIndex + length).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value, int startIndex, int length);

        /// <summary>A string of all the characters in <paramref name="value"/>.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value);

        /// <summary>A string of <paramref name="length"/> characters read from <paramref name="value"/>.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern unsafe String(char* value, int startIndex, int length);

        /// <summary>A string of <paramref name="count"/> copies of <paramref name="c"/>.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char c, int count);

        private static unsafe string Ctor(char[] value, int startIndex, int length)
        {
            if (value == null)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentNullException();
            if (startIndex < 0 || length < 0 || (uint)startIndex + (uint)length > (uint)value.Length)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            fixed (char* chars = value)
                return Ctor(chars, startIndex, length);
        }

        private static string Ctor(char[] value) => value == null ? "" : Ctor(value, 0, value.Length);

        private static unsafe string Ctor(char* value, int startIndex, int length)
        {
            if (length < 0)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            string result = FastAllocateString(length);
            fixed (char* destination = &result._firstChar)
                for (int i = 0; i < length; i++)
                    destination[i] = value[startIndex + i];
            return result;
        }

        private static unsafe string Ctor(char c, int count)
        {
            if (count < 0)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            string result = FastAllocateString(count);
            fixed (char* destination = &result._firstChar)
                for (int i = 0; i < count; i++)
                    destination[i] = c;
            return result;
        }
    }
}
