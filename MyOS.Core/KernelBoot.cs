using Internal.Runtime;
using MyOS.Core.Console;
using MyOS.Core.Diagnostics;
using MyOS.Core.Interrupts;

namespace MyOS.Core
{
    /// <summary>
    /// The order in which the machine comes up, before the user's kernel runs: console (so
    /// everything after can report), runtime hooks (so runtime errors panic with a report),
    /// the IDT (so CPU faults panic instead of rebooting), the PIC.
    /// </summary>
    public static unsafe class KernelBoot
    {
        /// <summary>Brings the machine up. Called once by <see cref="Kernel.Start"/>.</summary>
        public static void Initialize()
        {
            KernelConsole.Initialize(useSerial: true);
            KernelHooks.Panic = &Panic.OnRuntimeError;
            InterruptDescriptorTable.Install(&Panic.OnCpuException);
            ProgrammableInterruptController.Initialize();
        }
    }
}
