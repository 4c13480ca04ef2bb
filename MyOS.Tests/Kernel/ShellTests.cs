using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The shell contract (CommandShell), driven over serial: help, error lines, shutdown. The `test`
    /// command is covered case by case in <see cref="KernelSuiteTests"/>.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    [Trait(TestTraits.KernelFeature, TestTraits.Shell)]
    public sealed class ShellTests
    {
        private static readonly TimeSpan s_commandLimit = TimeSpan.FromSeconds(10);

        private readonly Action<string> _log;

        /// <summary>xunit gives each test its output, where the VMs log their boot times.</summary>
        public ShellTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        public void Help_NamesTheContractCommands()
        {
            using VirtualMachine vm = TestMachines.StartAtPrompt(_log);

            string help = string.Join("\n", vm.Serial.RunCommand("help", s_commandLimit));

            foreach (string command in new[] { "help", "shutdown", "test" })
                Assert.True(Regex.IsMatch(help, $@"\b{command}\b"), $"help does not mention '{command}':\n{help}");
        }

        [Fact]
        public void UnknownCommand_PrintsOneErrorLine_AndTheShellGoesOn()
        {
            using VirtualMachine vm = TestMachines.StartAtPrompt(_log);

            IReadOnlyList<string> lines = vm.Serial.RunCommand("no-such-command", s_commandLimit);

            string error = Assert.Single(lines, line => line.Trim().Length > 0);
            Assert.StartsWith("error:", error);
            Assert.NotEmpty(vm.Serial.RunCommand("help", s_commandLimit)); // still answering
        }

        [Fact]
        public void Qemu_ShutdownWithCode_EndsQemuWithThatStatus()
        {
            using VirtualMachine vm = TestMachines.StartAtPrompt(_log);

            int? status = vm.Shutdown(TimeSpan.FromSeconds(10), "shutdown 3");

            // isa-debug-exit: a byte v written to port 0xf4 ends QEMU with status (v << 1) | 1.
            Assert.True(status.HasValue, $"QEMU did not exit within 10 s of 'shutdown 3':\n{vm.Transcript}");
            Assert.Equal((3 << 1) | 1, status.Value);
        }

        [Fact]
        public void Bochs_Shutdown_EndsBochs()
        {
            using VirtualMachine vm = TestMachines.StartAtPrompt(_log, VirtualMachineKind.Bochs);

            int? status = vm.Shutdown(TimeSpan.FromSeconds(20));

            Assert.True(status.HasValue, $"Bochs did not exit within 20 s of 'shutdown':\n{vm.Transcript}");
            // A triple fault would end Bochs too: the kernel must have said it powers off, and
            // Bochs's log must show the ACPI power-off, not a CPU fault.
            Assert.Contains("Powering off", vm.Transcript);
            string log = System.IO.File.ReadAllText(((BochsMachine)vm).LogPath);
            Assert.Contains("ACPI control: soft power off", log);
            Assert.DoesNotContain("exception with no resolution", log);   // how Bochs logs a triple fault
        }
    }
}
