namespace MyOS.Core.Memory
{
    /// <summary>
    /// The kernel's debug checks, in the spirit of SerenityOS's VERIFY and .NET's Debug.Assert,
    /// but switched on at boot (kernel option verify=1, Cosmos.config Verify) rather than at
    /// compile time, so the kernel that is tested is the kernel that ships. While
    /// <see cref="Enabled"/>, the page allocator and the heap check, after every operation, the
    /// invariants their summaries state around what the operation touched, and report the
    /// first one broken through the handler given to <see cref="Enable"/> (the kernel panics;
    /// the host tests throw). Invariant: Enabled is true only while a handler is set.
    /// </summary>
    public static unsafe class InvariantChecks
    {
        private static delegate*<InvariantViolation, uint, ulong, void> s_handler;

        /// <summary>Whether the allocators check their invariants on every operation.</summary>
        public static bool Enabled { get; private set; }

        /// <summary>Turns the checks on; <paramref name="handler"/> hears of the first broken invariant and must not return.</summary>
        public static void Enable(delegate*<InvariantViolation, uint, ulong, void> handler)
        {
            if (handler == null)
            {
                return;
            }
            s_handler = handler;
            Enabled = true;
        }

        /// <summary>Turns the checks off.</summary>
        public static void Disable()
        {
            Enabled = false;
            s_handler = null;
        }

        /// <summary>
        /// Reports a broken invariant at <paramref name="address"/> (a page number, block or
        /// region address); <paramref name="detail"/> narrows it down (for the heap, its HeapCheckStatus).
        /// </summary>
        public static void Fail(InvariantViolation what, uint detail, ulong address)
        {
            delegate*<InvariantViolation, uint, ulong, void> handler = s_handler;
            if (handler != null)
            {
                handler(what, detail, address);
            }
        }
    }
}
