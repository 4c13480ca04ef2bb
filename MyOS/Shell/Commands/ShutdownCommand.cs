using MyOS.Core;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Console;

namespace MyOS.Shell.Commands
{
    /// <summary>`shutdown`: power off (QEMU exits with status 2*code+1)</summary>
    public sealed unsafe class ShutdownCommand : ShellCommand
    {
        public override string Name => "shutdown";
        public override string Usage => "shutdown [code]";
        public override string Summary => "power off (QEMU exits with status 2*code+1)";

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 0, 1))
                return;
            ulong code = 0;
            if (count == 2 && (!NumberParser.TryParse(words[1], out code) || code > 127))
            {
                Error("the exit code must be a number from 0 to 127; usage: " + Usage);
                return;
            }
            KernelConsole.WriteLine("Powering off.");
            Power.Shutdown((byte)code);
        }
    }
}
