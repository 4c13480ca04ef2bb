using System;
using MyOS.Core.Diagnostics;

namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// What an allocation that cannot be served throws: OverflowException for an impossible
    /// size, else OutOfMemoryException. The exception reserve is given back first, so that the
    /// exception, its dispatch and the handler can allocate; without a reserve the exception
    /// thrown is one made at start-up (throwing then takes no memory). Memory running out again
    /// while an exception is being dispatched, with no reserve left, would recurse without end
    /// (each dispatch allocates): that case panics with the report instead.
    /// </summary>
    internal static class AllocationFailure
    {
        private static OutOfMemoryException s_preallocated;

        /// <summary>Makes the exception thrown when not even it can be allocated.</summary>
        internal static void Preallocate() => s_preallocated = new OutOfMemoryException();

        public static void Throw(string exceptionName, string message)
        {
            if (exceptionName == "OverflowException")
                throw new OverflowException(message);
            if (!ExceptionReserve.IsHeld)
            {
                if (ExceptionInfoChain.IsDispatching || s_preallocated == null)
                    Panic.OnRuntimeError("OutOfMemoryException", message + " (and no memory is left to report it)");
                throw s_preallocated;
            }
            ExceptionReserve.Release();
            throw new OutOfMemoryException(message);
        }
    }
}
