namespace MyOS
{
    /// <summary>The managed entry point the boot stub calls (as __managed__Main): starts the kernel.</summary>
    internal static class Program
    {
        private static void Main()
        {
            Runtime.Exceptions.ExceptionSupport.Initialize();
            new Kernel().Start();
        }
    }
}
