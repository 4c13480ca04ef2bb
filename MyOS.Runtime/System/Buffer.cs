using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Block copies the compiler asks for by name.</summary>
    public static unsafe class Buffer
    {
        /// <summary>Copies memory that may hold object references; no GC barrier is needed in MyOS.</summary>
        internal static void BulkMoveWithWriteBarrier(ref byte destination, ref byte source, nuint byteCount) =>
            SpanHelpers.Memmove(ref destination, ref source, byteCount);

        /// <summary>Copies <paramref name="byteCount"/> bytes; the ranges may overlap.</summary>
        public static void MemoryCopy(void* source, void* destination, long destinationSizeInBytes, long byteCount)
        {
            if (byteCount > destinationSizeInBytes)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            SpanHelpers.Memmove(ref *(byte*)destination, ref *(byte*)source, (nuint)byteCount);
        }
    }
}
