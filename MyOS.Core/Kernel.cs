using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Console;
using MyOS.Core.Diagnostics;

namespace MyOS.Core
{
    /// <summary>
    /// The base class of a MyOS kernel, as in Cosmos: derive from it, override
    /// <see cref="BeforeRun"/> (runs once), <see cref="Run"/> (runs in a loop until
    /// <see cref="Stop"/> is called) and <see cref="AfterRun"/> (runs once at the end), and
    /// start it from Main with <see cref="Start"/>. The machine is brought up before BeforeRun.
    /// </summary>
    public abstract class Kernel
    {
        /// <summary>True until <see cref="Stop"/> is called.</summary>
        private bool _running;

        /// <summary>Brings up the machine (<see cref="KernelBoot"/>), then runs the lifecycle; powers off at the end.</summary>
        public void Start()
        {
            KernelBoot.Initialize();
            _running = true;
            BeforeRun();
            while (_running)
                Run();
            AfterRun();
            KernelConsole.WriteLine("Kernel finished; powering off.");
            Power.Shutdown(0);
        }

        /// <summary>Ends the Run loop after the current Run returns.</summary>
        public void Stop() => _running = false;

        /// <summary>Whether the Run loop is still going.</summary>
        public bool IsRunning => _running;

        /// <summary>Runs once, after the machine is up and before the first Run.</summary>
        protected virtual void BeforeRun()
        {
        }

        /// <summary>Runs again and again until <see cref="Stop"/> is called.</summary>
        protected abstract void Run();

        /// <summary>Runs once after the Run loop ends.</summary>
        protected virtual void AfterRun()
        {
        }
    }
}
