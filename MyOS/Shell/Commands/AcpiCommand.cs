using MyOS.Core.Acpi;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Console;

namespace MyOS.Shell.Commands
{
    /// <summary>`acpi`: the ACPI tables found at boot (signature, address, length, revision, OEM id), and how power-off and reset will be done.</summary>
    public sealed class AcpiCommand : ShellCommand
    {
        public override string Name => "acpi";
        public override string Usage => "acpi";
        public override string Summary => "the ACPI tables found at boot, and how power-off and reset work";

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 0, 0))
                return;
            AcpiTables acpi = Power.Acpi;
            if (acpi == null || acpi.RsdpSource == null)
                KernelConsole.WriteLine("RSDP: none found");
            else
                KernelConsole.WriteLine("RSDP: revision " + acpi.RsdpRevision.ToString() + ", OEM " + acpi.RsdpOemId + ", from " + acpi.RsdpSource);
            if (acpi != null && acpi.TableCount > 0)
            {
                KernelConsole.WriteLine("table  address             length  revision  OEM");
                for (int i = 0; i < acpi.TableCount; i++)
                {
                    AcpiTableInfo table = acpi.GetTable(i);
                    KernelConsole.Write(table.Signature + "   ");
                    KernelConsole.WriteHex(table.Address, 16);
                    KernelConsole.WriteLine("  " + Pad(table.Length.ToString(), 6) + "  " + Pad(table.Revision.ToString(), 8) + "  " + table.OemId);
                }
            }
            if (acpi != null && acpi.CanPowerOff)
            {
                KernelConsole.WriteLine("power-off: S5 sleep type " + acpi.SleepTypeA.ToString() + "/" + acpi.SleepTypeB.ToString()
                    + " to PM1a_CNT port 0x" + acpi.Pm1aControlPort.ToString("X")
                    + (acpi.Pm1bControlPort != 0 ? " and PM1b_CNT port 0x" + acpi.Pm1bControlPort.ToString("X") : ""));
            }
            else
            {
                KernelConsole.WriteLine("power-off: no ACPI way; the emulators' fixed ports only");
            }

            if (acpi != null && acpi.HasResetRegister)
            {
                KernelConsole.WriteLine("reset: FADT reset register, " + acpi.ResetRegister.SpaceName + " 0x" + acpi.ResetRegister.Address.ToString("X")
                    + " value 0x" + acpi.ResetValue.ToString("X") + "; then the keyboard controller, port 0xCF9, a triple fault");
            }
            else
            {
                KernelConsole.WriteLine("reset: no FADT reset register; the keyboard controller, port 0xCF9, a triple fault");
            }

            for (int i = 0; acpi != null && i < acpi.ProblemCount; i++)
                KernelConsole.WriteLine("problem: " + acpi.GetProblem(i));
        }

        private static string Pad(string text, int width) => text.Length >= width ? text : text + new string(' ', width - text.Length);
    }
}
