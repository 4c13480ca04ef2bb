using MyOS.Core.Console;
using Sys = MyOS.Core;

namespace MyOS
{
    /// <summary>The MyOS kernel: prints the banner, then runs the shell.</summary>
    public sealed class Kernel : Sys.Kernel
    {
        /// <summary>The version shown in the banner.</summary>
        public const string Version = "0.1.0";

        protected override void BeforeRun()
        {
            KernelConsole.WriteLine("MyOS " + Version + " booted.");
        }

        protected override void Run()
        {
            KernelConsole.Write("> ");
            Stop();
        }
    }
}
