using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Console;

namespace MyOS.Shell.Commands
{
    /// <summary>`uptime`: time since boot, from the PIT's ticks.</summary>
    public sealed class UptimeCommand : ShellCommand
    {
        public override string Name => "uptime";
        public override string Usage => "uptime";
        public override string Summary => "time since the kernel started";

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 0, 0))
                return;
            ulong milliseconds = ProgrammableIntervalTimer.UptimeMilliseconds;
            string fraction = Format.Decimal(milliseconds % 1000 / 10);
            string seconds = "up " + Format.Decimal(milliseconds / 1000) + ".";
            KernelConsole.WriteLine(seconds + (fraction.Length == 1 ? "0" + fraction : fraction) + " s");
        }
    }
}
