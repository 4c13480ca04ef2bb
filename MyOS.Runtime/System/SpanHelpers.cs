using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Memory block helpers the JIT calls for copies and initialisations it does not inline.</summary>
    internal static unsafe class SpanHelpers
    {
        [RuntimeImport("*", "memmove")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void* NativeMemmove(void* destination, void* source, nuint count);

        [RuntimeImport("*", "memset")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void* NativeMemset(void* destination, int value, nuint count);

        /// <summary>Copies <paramref name="length"/> bytes; the ranges may overlap.</summary>
        internal static void Memmove(ref byte destination, ref byte source, nuint length)
        {
            if (length != 0)
                NativeMemmove(Unsafe.AsPointer(ref destination), Unsafe.AsPointer(ref source), length);
        }

        /// <summary>Sets <paramref name="length"/> bytes to <paramref name="value"/>.</summary>
        internal static void Fill(ref byte destination, byte value, nuint length)
        {
            if (length != 0)
                NativeMemset(Unsafe.AsPointer(ref destination), value, length);
        }

        /// <summary>Zeroes <paramref name="length"/> bytes that hold no object references.</summary>
        internal static void ClearWithoutReferences(ref byte destination, nuint length)
        {
            if (length != 0)
                NativeMemset(Unsafe.AsPointer(ref destination), 0, length);
        }
    }
}
