using System;
using System.Runtime.CompilerServices;
using MyOS.Core;
using MyOS.Core.Memory;

namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// What reporting an error needs when memory has run out: a block of heap held back (the
    /// dispatch of an OutOfMemoryException allocates its stack trace, and so does the line that
    /// prints it), given back to the heap when an allocation fails and taken again once the
    /// error has been handled, if memory allows; and CoreLib's lazily made state, made early
    /// (<see cref="WarmUp"/>). Invariant: at most one block.
    /// </summary>
    public static unsafe class ExceptionReserve
    {
        private const ulong ReserveBytes = 64 * 1024;
        private static byte* s_block;
        private static bool s_warmedUp;

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

        /// <summary>Takes the reserve (again) if the heap can spare it, otherwise tries later; the first call (with the heap up) warms up first.</summary>
        public static void Restore()
        {
            HeapAllocator heap = KernelMemory.Heap;
            if (heap == null)
                return;
            if (!s_warmedUp)
            {
                s_warmedUp = true;
                WarmUp();
            }
            if (s_block == null)
                s_block = heap.AllocateZeroed(ReserveBytes, 8, false);
        }

        /// <summary>
        /// One throw and catch, before the first reserve is taken: CoreLib initialises what its dispatcher, stack traces
        /// and GetType() use on first need (class constructors, caches, the frozen segment that
        /// holds RuntimeType objects, which takes pages of its own), and that first need must
        /// not come when memory has run out: a handler printing GetType().Name would then throw.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void WarmUp()
        {
            try
            {
                throw new InvalidOperationException("warm-up");
            }
            catch (InvalidOperationException exception)
            {
                _ = exception.StackTrace;
                _ = exception.GetType().Name;
                _ = AllocationFailure.PreallocatedTypeName;
            }
        }
    }
}
