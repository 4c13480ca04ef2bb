namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// The dispatches in progress: each throw stub links an ExInfo (on its own stack frame)
    /// in front of the chain, and the catch stub unlinks every ExInfo below the stack pointer
    /// it resumes at. Invariant: the chain runs from the lowest (newest) stack address up.
    /// </summary>
    internal static unsafe class ExceptionInfoChain
    {
        /// <summary>The newest ExInfo, or null when no exception is being dispatched.</summary>
        public static byte* Newest => *(byte**)ExceptionStubs.Address(ExceptionStubs.ExceptionInfoHead);

        /// <summary>True while an exception is being dispatched or its catch block runs.</summary>
        public static bool IsDispatching => Newest != null;
    }
}
