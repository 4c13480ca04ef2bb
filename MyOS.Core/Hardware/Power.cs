namespace MyOS.Core.Hardware
{
    /// <summary>
    /// Turning the machine off or restarting it. Virtual machines each have their own way out,
    /// so shutdown tries them in turn: QEMU's isa-debug-exit device (QEMU then exits with status
    /// 2 * code + 1), Bochs's shutdown port, and the ACPI power-off ports QEMU emulates.
    /// </summary>
    public static class Power
    {
        private const ushort QemuDebugExitPort = 0xF4;
        private const ushort BochsShutdownPort = 0x8900;
        private const ushort QemuAcpiPort = 0x604;
        private const ushort OldQemuAcpiPort = 0xB004;
        private const ushort KeyboardControllerCommand = 0x64;

        /// <summary>Powers off; in QEMU with isa-debug-exit the exit status is 2 * <paramref name="exitCode"/> + 1.</summary>
        public static void Shutdown(byte exitCode)
        {
            Ports.Write8(QemuDebugExitPort, exitCode);
            const string bochsCommand = "Shutdown";
            for (int i = 0; i < bochsCommand.Length; i++)
                Ports.Write8(BochsShutdownPort, (byte)bochsCommand[i]);
            Ports.Write16(QemuAcpiPort, 0x2000);
            Ports.Write16(OldQemuAcpiPort, 0x2000);
            Cpu.HaltForever();
        }

        /// <summary>Restarts the machine through the keyboard controller's reset line.</summary>
        public static void Reboot()
        {
            Cpu.DisableInterrupts();
            // Wait for the controller's input buffer to empty, then pulse the reset line.
            for (int i = 0; i < 100000 && (Ports.Read8(KeyboardControllerCommand) & 0x02) != 0; i++)
            {
            }
            Ports.Write8(KeyboardControllerCommand, 0xFE);
            Cpu.HaltForever();
        }
    }
}
