using System;
using System.Runtime.CompilerServices;

namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// Turns on the parts of exception handling that need registering: the unhandled-exception
    /// report, CPU faults as exceptions, stack traces in CPU panic reports. Throw and catch
    /// themselves need nothing registered (the stubs and the walker are linked in).
    /// </summary>
    public static class ExceptionSupport
    {
        /// <summary>Called once by the kernel's Main, before anything that may throw.</summary>
        public static void Initialize()
        {
            UnhandledThrow.Install();
            HardwareFaults.Install();
            StackTraces.Install();
            AllocationFailure.Preallocate();
            WarmUp();
        }

        /// <summary>
        /// One throw and catch at start-up: CoreLib initialises what its dispatcher and stack
        /// traces use on first need (class constructors, caches), and that first need must not
        /// come when memory has run out and the first exception is an OutOfMemoryException.
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
            }
        }
    }
}
