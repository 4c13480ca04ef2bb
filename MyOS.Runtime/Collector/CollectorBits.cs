namespace MyOS.Runtime.Collector
{
    /// <summary>
    /// The collector's 32 bits inside every object: the lower half of the 8-byte header word
    /// below the object reference. On x64 CoreLib keeps hash codes and thin locks in the upper
    /// half (reference - 4) and leaves this half as padding, so these bits disturb neither
    /// CoreLib nor the heap's block headers. Invariant: outside a collection no object in the
    /// kernel heap has <see cref="Marked"/> set.
    /// </summary>
    internal static unsafe class CollectorBits
    {
        /// <summary>Reached during the current collection's mark phase.</summary>
        public const uint Marked = 1;
        /// <summary>GC.SuppressFinalize was called: its finalizer is not to run.</summary>
        public const uint FinalizerSuppressed = 2;
        /// <summary>The object is in the finalization list (it will be queued when it dies).</summary>
        public const uint Registered = 4;

        /// <summary>The collector's word of the object at <paramref name="reference"/>.</summary>
        public static uint* Word(void* reference) => (uint*)((byte*)reference - 8);

        public static bool Has(void* reference, uint bit) => (*Word(reference) & bit) != 0;

        public static void Set(void* reference, uint bit) => *Word(reference) |= bit;

        public static void Clear(void* reference, uint bit) => *Word(reference) &= ~bit;
    }
}
