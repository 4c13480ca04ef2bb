using MyOS.Core;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Console;

namespace MyOS.Shell.Commands
{
    /// <summary>`clear`: clear the screen</summary>
    public sealed unsafe class ClearCommand : ShellCommand
    {
        public override string Name => "clear";
        public override string Usage => "clear";
        public override string Summary => "clear the screen";

        public override void Execute(string[] words, int count)
        {
            if (ExpectWords(count, 0, 0))
                KernelConsole.Clear();
        }
    }
}
