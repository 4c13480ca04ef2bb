using MyOS.Core;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Console;

namespace MyOS.Shell.Commands
{
    /// <summary>`echo`: print the text</summary>
    public sealed unsafe class EchoCommand : ShellCommand
    {
        public override string Name => "echo";
        public override string Usage => "echo <text>";
        public override string Summary => "print the text";

        public override void Execute(string[] words, int count)
        {
            for (int i = 1; i < count; i++)
            {
                if (i > 1)
                    KernelConsole.Write(' ');
                KernelConsole.Write(words[i]);
            }
            KernelConsole.WriteLine();
        }
    }
}
