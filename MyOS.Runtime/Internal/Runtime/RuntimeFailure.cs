namespace Internal.Runtime
{
    /// <summary>Ends the machine's run when the runtime meets an error it cannot continue from.</summary>
    public static unsafe class RuntimeFailure
    {
        /// <summary>Reports <paramref name="exceptionName"/> and <paramref name="message"/> through the kernel's panic hook; never returns.</summary>
        public static void Fail(string exceptionName, string message)
        {
            if (KernelHooks.Panic != null)
                KernelHooks.Panic(exceptionName, message);
            // No kernel hook yet (or it returned): nothing can be reported, so stop here.
            while (true)
            {
            }
        }
    }
}
