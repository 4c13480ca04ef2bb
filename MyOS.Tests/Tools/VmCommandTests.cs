using System;
using System.IO;
using System.Linq;
using MyOS.Tests.VirtualMachines;
using Xunit;

namespace MyOS.Tests.Tools
{
    /// <summary>
    /// `./run.sh` boots the machine the tests boot: `MyOS.Tools vm-command` prints the command
    /// line run.sh execs, made by the runner's driver (QEMU's x86-64-v2 CPU, Bochs's Sandy Bridge)
    /// with the serial line on the terminal (QEMU) or in a file (Bochs), and refuses bad arguments.
    /// </summary>
    public sealed class VmCommandTests
    {
        [Fact]
        public void Qemu_IsTheDriversCommandLine_WithSerialOnTheTerminal()
        {
            string[] command = Run(0, "vm-command", "qemu");

            Assert.Equal(QemuMachine.Executable, command[0]);
            // RAM and a window follow Cosmos.config and $DISPLAY; Cosmos.config's extra arguments come last.
            var options = new VirtualMachineOptions
            {
                MemoryMiB = int.Parse(command[Array.IndexOf(command, "-m") + 1]),
                ShowDisplay = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")),
            };
            var expected = QemuMachine.Arguments(options, RepositoryLocator.KernelIso, "mon:stdio", null);
            Assert.Equal(expected, command.Skip(1).Take(expected.Count));
            Assert.Equal(QemuMachine.CpuModel, command[Array.IndexOf(command, "-cpu") + 1]);
        }

        [Fact]
        public void UefiDebug_AddsOvmfAndThePausedGdbStub()
        {
            string[] command = Run(0, "vm-command", "qemu-uefi", "--debug");

            Assert.Equal(QemuMachine.OvmfImage, command[Array.IndexOf(command, "-bios") + 1]);
            Assert.Equal("tcp:127.0.0.1:1234", command[Array.IndexOf(command, "-gdb") + 1]);
            Assert.Contains("-S", command);
        }

        [Fact]
        public void Bochs_RunsTheDriversConfiguration_WithSerialToAFile()
        {
            string[] command = Run(0, "vm-command", "bochs");

            Assert.Equal(BochsMachine.Executable, command[0]);
            string[] config = File.ReadAllLines(command[Array.IndexOf(command, "-f") + 1]);
            Assert.Contains($"cpu: model={BochsMachine.CpuModel}, count=1, ips={BochsMachine.InstructionsPerSecond}, reset_on_triple_fault=0", config);
            Assert.Contains($"com1: enabled=1, mode=file, dev={Path.Combine(RepositoryLocator.Root, "iso", "bochs-serial.txt")}", config);
            Assert.Contains($"ata0-master: type=cdrom, path={RepositoryLocator.KernelIso}, status=inserted", config);
        }

        [Theory]
        [InlineData("vm-command", "vmware")]
        [InlineData("vm-command", "bochs", "--debug")]
        [InlineData("vm-command", "qemu", "--verbose")]
        [InlineData("no-such-command")]
        public void BadArguments_AreRefused_WithNoCommand(params string[] arguments)
        {
            Assert.Empty(Run(2, arguments));
        }

        // Runs the tool built beside this test assembly (same configuration); returns its output lines.
        private static string[] Run(int expectedStatus, params string[] arguments)
        {
            // This assembly is in bin/<configuration>/net10.0.
            string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent.Name;
            string tool = Path.Combine(RepositoryLocator.Root, "MyOS.Tools", "bin", configuration, "net10.0", "MyOS.Tools.dll");
            var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(tool);
            foreach (string argument in arguments)
                info.ArgumentList.Add(argument);
            using var process = System.Diagnostics.Process.Start(info);
            string output = process.StandardOutput.ReadToEnd();
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(expectedStatus == process.ExitCode, $"{tool}: exit status {process.ExitCode}, expected {expectedStatus}: {errors}");
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
    }
}
