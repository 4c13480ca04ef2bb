using MyOS.Core;
using MyOS.Core.Memory.Heap;

namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// A block of heap held back so that running out of memory can still be reported: the
    /// dispatch of an OutOfMemoryException allocates (its stack trace), and so does the line
    /// that prints it. The block is given back to the heap when an allocation fails, and taken
    /// again once the error has been handled, if memory allows. Invariant: at most one block.
    /// </summary>
    public static unsafe class ExceptionReserve
    {
        private const ulong ReserveBytes = 64 * 1024;
        private static byte* s_block;

        /// <summary>True while the reserve is held (nothing to give back on the next failure).</summary>
        public static bool IsHeld => s_block != null;

        /// <summary>Gives the reserve back to the heap (when memory has run out).</summary>
        public static void Release()
        {
            if (s_block == null)
                return;
            KernelMemory.Heap.Free(s_block);
            s_block = null;
        }

        /// <summary>Takes the reserve (again) if the heap can spare it; otherwise tries later.</summary>
        public static void Restore()
        {
            HeapAllocator heap = KernelMemory.Heap;
            if (s_block == null && heap != null)
                s_block = heap.AllocateZeroed(ReserveBytes, 8, false);
        }
    }
}
