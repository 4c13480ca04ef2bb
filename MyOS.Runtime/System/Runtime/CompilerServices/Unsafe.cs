namespace System.Runtime.CompilerServices
{
    /// <summary>Low-level reference arithmetic; the JIT expands each of these to a few instructions.</summary>
    public static unsafe class Unsafe
    {
        /// <summary>Reinterprets a reference.</summary>
        [Intrinsic]
        public static extern ref TTo As<TFrom, TTo>(ref TFrom source);

        /// <summary>Reinterprets an object reference without a type check.</summary>
        [Intrinsic]
        public static extern T As<T>(object o) where T : class;

        /// <summary>Moves a reference by whole elements.</summary>
        [Intrinsic]
        public static extern ref T Add<T>(ref T source, int elementOffset);

        /// <summary>Moves a reference by whole elements.</summary>
        [Intrinsic]
        public static extern ref T Add<T>(ref T source, nint elementOffset);

        /// <summary>Moves a reference by bytes.</summary>
        [Intrinsic]
        public static extern ref T AddByteOffset<T>(ref T source, nint byteOffset);

        /// <summary>A reference to the data at a pointer.</summary>
        [Intrinsic]
        public static extern ref T AsRef<T>(void* source);

        /// <summary>The pointer behind a reference.</summary>
        [Intrinsic]
        public static extern void* AsPointer<T>(ref T value);

        /// <summary>The size of T in bytes.</summary>
        [Intrinsic]
        public static extern int SizeOf<T>();

        /// <summary>Whether two references point at the same place.</summary>
        [Intrinsic]
        public static extern bool AreSame<T>(ref T left, ref T right);

        /// <summary>Reads a T from a possibly unaligned pointer.</summary>
        [Intrinsic]
        public static extern T Read<T>(void* source);

        /// <summary>Writes a T to a possibly unaligned pointer.</summary>
        [Intrinsic]
        public static extern void Write<T>(void* destination, T value);
    }
}
