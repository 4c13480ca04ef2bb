using MyOS.Core.Acpi;
using MyOS.Core.Console;
using MyOS.Core.Memory;

namespace MyOS.Core.Arch.X64.Hardware
{
    /// <summary>
    /// Turning the machine off or restarting it. Shutdown: QEMU's isa-debug-exit device first
    /// (when present QEMU exits with status 2 * code + 1, which the tests read), then ACPI (the
    /// `\_S5` sleep type written to PM1a/PM1b control, as on any PC), then the fixed ports older
    /// emulators answer on. Reboot: the FADT's reset register, the keyboard controller's reset
    /// line, port 0xCF9, and last a triple fault. Each ACPI or reset step says on the console
    /// what it tries, so a machine that ignores one shows where it went on.
    /// </summary>
    public static class Power
    {
        private const ushort QemuDebugExitPort = 0xF4;
        private const ushort BochsShutdownPort = 0x8900;
        private const ushort QemuAcpiPort = 0x604;
        private const ushort OldQemuAcpiPort = 0xB004;
        private const ushort KeyboardControllerCommand = 0x64, KeyboardControllerData = 0x60;
        private const ushort ResetControlPort = 0xCF9;
        private const ushort SleepEnable = 1 << 13, SleepTypeMask = 7 << 10, SciEnable = 1;
        /// <summary>Pause instructions to wait for a power or reset write to take effect (tens of ms).</summary>
        private const int SettleSpins = 2000000;

        /// <summary>The firmware's ACPI tables (set once at boot; null when not read).</summary>
        public static AcpiTables Acpi { get; private set; }

        /// <summary>Gives Power the ACPI tables found at boot.</summary>
        public static void Initialize(AcpiTables acpi) => Acpi = acpi;

        /// <summary>Powers off; in QEMU with isa-debug-exit the exit status is 2 * <paramref name="exitCode"/> + 1.</summary>
        public static void Shutdown(byte exitCode)
        {
            Ports.Write8(QemuDebugExitPort, exitCode);
            if (Acpi != null && Acpi.CanPowerOff)
            {
                KernelConsole.WriteLine("ACPI power-off: S5 (SLP_TYPa " + Acpi.SleepTypeA.ToString() + ") through PM1a_CNT port 0x"
                    + Acpi.Pm1aControlPort.ToString("X") + (Acpi.Pm1bControlPort != 0 ? " and PM1b_CNT port 0x" + Acpi.Pm1bControlPort.ToString("X") : ""));
                EnterAcpiMode(Acpi);
                Cpu.DisableInterrupts();
                WriteSleepType(Acpi.Pm1aControlPort, Acpi.SleepTypeA);
                if (Acpi.Pm1bControlPort != 0)
                    WriteSleepType(Acpi.Pm1bControlPort, Acpi.SleepTypeB);
                Settle();
                KernelConsole.WriteLine("error: ACPI power-off did not take effect; trying the emulators' fixed ports");
            }
            const string bochsCommand = "Shutdown";
            for (int i = 0; i < bochsCommand.Length; i++)
                Ports.Write8(BochsShutdownPort, (byte)bochsCommand[i]);
            Ports.Write16(QemuAcpiPort, 0x2000);
            Ports.Write16(OldQemuAcpiPort, 0x2000);
            Cpu.HaltForever();
        }

        /// <summary>Restarts the machine, trying each reset mechanism in turn.</summary>
        public static unsafe void Reboot()
        {
            Cpu.DisableInterrupts();
            if (Acpi != null && Acpi.HasResetRegister)
            {
                GenericAddress register = Acpi.ResetRegister;
                KernelConsole.WriteLine("Reset: FADT reset register, " + register.SpaceName + " 0x" + register.Address.ToString("X")
                    + ", value 0x" + Acpi.ResetValue.ToString("X"));
                if (register.SpaceId == GenericAddress.SystemIo && register.Address <= 0xFFFF)
                    Ports.Write8((ushort)register.Address, Acpi.ResetValue);
                else if (register.SpaceId == GenericAddress.SystemMemory && register.Address < DirectMap.WholeMappedBytes)
                    *DirectMap.Kernel.ToPointer(new PhysicalAddress(register.Address)) = Acpi.ResetValue;
                else
                    KernelConsole.WriteLine("error: a reset register in " + register.SpaceName + " space is not supported");
                Settle();
            }

            KernelConsole.WriteLine("Reset: keyboard controller");
            // Empty the controller's output buffer (a controller may refuse commands while it
            // holds a byte for us), wait for its input buffer to empty, then pulse the reset line.
            for (int i = 0; i < 64 && (Ports.Read8(KeyboardControllerCommand) & 0x01) != 0; i++)
                Ports.Read8(KeyboardControllerData);
            for (int i = 0; i < 100000 && (Ports.Read8(KeyboardControllerCommand) & 0x02) != 0; i++)
                Cpu.Pause();
            Ports.Write8(KeyboardControllerCommand, 0xFE);
            Settle();

            KernelConsole.WriteLine("Reset: port 0xCF9");
            Ports.Write8(ResetControlPort, 0x02);   // system reset, then with the full-reset bit
            Ports.Write8(ResetControlPort, 0x06);
            Settle();

            KernelConsole.WriteLine("Reset: triple fault");
            Cpu.TripleFault();
        }

        /// <summary>Switches the chipset to ACPI mode (SCI_EN) through the SMI command port, if it is not there yet.</summary>
        private static void EnterAcpiMode(AcpiTables acpi)
        {
            if ((Ports.Read16(acpi.Pm1aControlPort) & SciEnable) != 0 || acpi.SmiCommandPort == 0 || acpi.AcpiEnableValue == 0)
                return;
            Ports.Write8(acpi.SmiCommandPort, acpi.AcpiEnableValue);
            for (int i = 0; i < SettleSpins && (Ports.Read16(acpi.Pm1aControlPort) & SciEnable) == 0; i++)
                Cpu.Pause();
        }

        private static void WriteSleepType(ushort port, ushort sleepType)
        {
            ushort value = (ushort)((Ports.Read16(port) & ~SleepTypeMask) | ((sleepType & 7) << 10) | SleepEnable);
            Ports.Write16(port, value);
        }

        private static void Settle()
        {
            for (int i = 0; i < SettleSpins; i++)
                Cpu.Pause();
        }
    }
}
