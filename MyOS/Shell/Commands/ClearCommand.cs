using MyOS.Core;
using MyOS.Core.Console;
using MyOS.Core.Hardware;
using MyOS.Core.Memory;

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
