using MyOS.Core;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Console;

namespace MyOS.Shell.Commands
{
    /// <summary>`reboot`: restart the machine</summary>
    public sealed unsafe class RebootCommand : ShellCommand
    {
        public override string Name => "reboot";
        public override string Usage => "reboot";
        public override string Summary => "restart the machine";

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 0, 0))
                return;
            KernelConsole.WriteLine("Rebooting.");
            Power.Reboot();
        }
    }
}
