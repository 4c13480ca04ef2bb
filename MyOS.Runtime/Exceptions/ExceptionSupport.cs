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
        }
    }
}
