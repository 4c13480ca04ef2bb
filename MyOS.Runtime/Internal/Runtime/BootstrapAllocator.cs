namespace Internal.Runtime
{
    /// <summary>
    /// The allocator used until the kernel heap is up: it bumps a pointer through a block the
    /// boot stub reserved and never frees. Invariant: Next is 8-byte aligned and Next &lt;= End.
    /// </summary>
    public static unsafe class BootstrapAllocator
    {
        /// <summary>The next free byte; null before <see cref="Initialize"/>.</summary>
        private static byte* s_next;
        /// <summary>One past the last byte of the block.</summary>
        private static byte* s_end;
        /// <summary>Bytes handed out so far.</summary>
        private static nuint s_used;

        /// <summary>The panic message when the block is used up before the kernel heap takes over.</summary>
        public const string ExhaustedMessage =
            "The boot allocator is used up before the kernel heap is up: raise BOOTSTRAP_HEAP_SIZE in MyOS.Build/Native/boot.asm.";

        /// <summary>Takes the block [start, start + size). Memory there must already be zero (.bss).</summary>
        internal static void Initialize(byte* start, nuint size)
        {
            s_next = (byte*)(((nuint)start + 7) & ~(nuint)7);
            s_end = start + size;
        }

        /// <summary>Bytes handed out so far.</summary>
        public static nuint BytesUsed => s_used;

        /// <summary>Bytes still available.</summary>
        public static nuint BytesFree => (nuint)(s_end - s_next);

        /// <summary>Returns <paramref name="bytes"/> zeroed bytes, 8-byte aligned, or null when the block is used up.</summary>
        public static void* Allocate(nuint bytes)
        {
            nuint rounded = (bytes + 7) & ~(nuint)7;
            if (rounded < bytes || rounded > (nuint)(s_end - s_next))
                return null;
            byte* result = s_next;
            s_next += rounded;
            s_used += rounded;
            return result;
        }
    }
}
