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
            // The boot test casts an int[] to string; the kernel's type-name table names both.
            Assert.Contains("message: Unable to cast object of type 'System.Int32[]' to type 'System.String'.", report);
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
    }
}
