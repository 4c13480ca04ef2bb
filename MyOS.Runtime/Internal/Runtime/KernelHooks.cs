namespace Internal.Runtime
{
    /// <summary>
    /// What the runtime needs from the kernel, as function pointers the kernel fills in at
    /// boot: where memory for objects comes from, and how to stop with a report. The runtime
    /// sits below the kernel and cannot call it directly, so the kernel plugs these in.
    /// </summary>
    public static unsafe class KernelHooks
    {
        /// <summary>
        /// The allocation entry point for every managed object, array, string and boxed value:
        /// returns <c>bytes</c> of zeroed, 8-byte aligned memory, or null. Null here means the
        /// bootstrap allocator (a bump allocator over memory the boot stub reserved).
        /// </summary>
        public static delegate*<nuint, void*> Allocate;

        /// <summary>
        /// Stops the machine with a report: the exception's name and message. Called for runtime
        /// failures (bad cast, bounds, null, overflow, throw). Must not return.
        /// </summary>
        public static delegate*<string, string, void> Panic;

        /// <summary>
        /// Writes one character to the kernel console; System.Console writes through it. Null
        /// until the kernel plugs it in (output before that is dropped).
        /// </summary>
        public static delegate*<char, void> WriteChar;

        /// <summary>
        /// Optional: names the type whose MethodTable is at the given address (for failed-cast
        /// reports), or returns null. Unset, reports name types by MethodTable address.
        /// </summary>
        public static delegate*<void*, string> DescribeType;
    }
}
