using MyOS.Core;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Console;

namespace MyOS.Shell.Commands
{
    /// <summary>`test`: run the in-kernel diagnostics (PASS/FAIL per test)</summary>
    public sealed unsafe class TestCommand : ShellCommand
    {
        public override string Name => "test";
        public override string Usage => "test [list|<name prefix>]";
        public override string Summary => "run the in-kernel diagnostics (PASS/FAIL per test)";

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 0, 1))
                return;
            if (count == 2 && words[1] == "list")
                Diagnostics.KernelTestSuite.List();
            else
                Diagnostics.KernelTestSuite.Run(count == 2 ? words[1] : null);
        }
    }
}
