namespace MyOS.Runtime.Handles
{
    /// <summary>One handle: the object, a dependent handle's secondary object, and the kind.</summary>
    internal unsafe struct HandleSlot
    {
        /// <summary>The object (first: CoreLib reads it straight through the handle).</summary>
        public void* Target;
        /// <summary>A dependent handle's secondary object; for a chunk's link slot, the next chunk.</summary>
        public void* Secondary;
        /// <summary>A GCHandleType (Weak 0, WeakTrackResurrection 1, Normal 2, Pinned 3), or one of the values below.</summary>
        public nint Kind;

        public const int Weak = 0;
        public const int WeakTrackResurrection = 1;
        public const int Normal = 2;
        public const int Dependent = 6;
        public const int Free = -1;
        public const int ChunkLink = -2;
    }
}
