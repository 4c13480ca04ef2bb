using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// Runtime failures end in a panic report naming the exception and its message: the boot
    /// options test=bounds, test=null-field, test=bad-cast, test=throw and test=overflow make
    /// the kernel fail on purpose. A failed cast names both types by MethodTable address; the
    /// test maps the addresses to type names with the kernel image's symbol table.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    [Trait(TestTraits.KernelFeature, TestTraits.BootOptions)]
    public sealed class RuntimePanicTests
    {
        private const string PanicHeader = "*** KERNEL PANIC ***";
        private const string PanicEnd = "System halted.";
        private static readonly TimeSpan s_reportLimit = TimeSpan.FromSeconds(30);

        private readonly Action<string> _log;

        /// <summary>xunit gives each test its output, where the VMs log their boot times.</summary>
        public RuntimePanicTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        public void ArrayIndexOutOfBounds_ReportsIndexOutOfRangeException()
        {
            string report = PanicReport("test=bounds");
            Assert.Contains("exception: IndexOutOfRangeException", report);
            Assert.Contains("message: Index was outside the bounds of the array.", report);
        }

        [Fact]
        public void FieldReadThroughNull_ReportsPageFaultInTheNullPage()
        {
            string report = PanicReport("test=null-field");
            Assert.Contains("Page Fault", report);
            Assert.Contains("null page", report);
        }

        [Fact]
        public void FailedCast_ReportsInvalidCastExceptionNamingBothTypes()
        {
            string report = PanicReport("test=bad-cast");
            Assert.Contains("exception: InvalidCastException", report);
            Match match = Regex.Match(report, @"Unable to cast object of type MethodTable 0x([0-9A-F]{16}) to type MethodTable 0x([0-9A-F]{16})\.");
            Assert.True(match.Success, "the message should name both MethodTables:\n" + report);
            string symbols = KernelSymbols();
            Assert.Contains("_ZTV14__Array<Int32>", SymbolAt(symbols, match.Groups[1].Value));
            Assert.Contains("_ZTV6String", SymbolAt(symbols, match.Groups[2].Value));
        }

        [Fact]
        public void Throw_ReportsTheExceptionAndItsMessage()
        {
            string report = PanicReport("test=throw");
            Assert.Contains("exception: InvalidOperationException", report);
            Assert.Contains("message: boot test: thrown on purpose", report);
        }

        [Fact]
        public void CheckedOverflow_ReportsOverflowException()
        {
            string report = PanicReport("test=overflow");
            Assert.Contains("exception: OverflowException", report);
            Assert.Contains("message: Arithmetic operation resulted in an overflow.", report);
        }

        // Boots with the option and returns the report, from its header through "System halted.".
        private string PanicReport(string kernelArguments)
        {
            using VirtualMachine vm = TestMachines.Start(_log, VirtualMachineKind.Qemu, s_reportLimit + TimeSpan.FromSeconds(10),
                kernelArguments: kernelArguments);
            string output = vm.Serial.WaitFor(PanicEnd, s_reportLimit);
            int header = output.IndexOf(PanicHeader, StringComparison.Ordinal);
            Assert.True(header >= 0, $"\"{PanicEnd}\" came without \"{PanicHeader}\" before it:\n{vm.Transcript}");
            return output.Substring(header);
        }

        // The kernel image's symbol table (`nm`): the ELF the ISO was made from.
        private static string KernelSymbols()
        {
            string elf = Path.Combine(RepositoryLocator.Root, "MyOS", "obj", "kernel", "isoroot", "boot", "myos.elf");
            Assert.True(File.Exists(elf), "the kernel image is missing: " + elf);
            return ExternalCommand.Run("nm", new[] { elf }, TimeSpan.FromSeconds(30));
        }

        // The names of the symbols at a hex address ("" when none).
        private static string SymbolAt(string symbols, string hexAddress) =>
            string.Join(" ", symbols.Split('\n')
                .Where(line => line.StartsWith(hexAddress, StringComparison.OrdinalIgnoreCase))
                .Select(line => line.Substring(hexAddress.Length).Trim()));
    }
}
