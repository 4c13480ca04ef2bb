using System;
using System.Globalization;
using System.Linq;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The boot options test=fault-null and test=divide-zero make the kernel fault on purpose; the
    /// panic report on serial must name the fault and end with "System halted.".
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    [Trait(TestTraits.KernelFeature, TestTraits.BootOptions)]
    public sealed class PanicTests
    {

        private readonly Action<string> _log;

        /// <summary>xunit gives each test its output, where the VMs log their boot times.</summary>
        public PanicTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        public void NullDereference_ReportsPageFaultAtTheNullPage()
        {
            string report = TestMachines.PanicReport(_log, "test=fault-null");

            Assert.Contains("Page Fault", report);
            Assert.Contains("RIP: 0x", report);
            string cr2 = report.Split('\n').FirstOrDefault(line => line.StartsWith("CR2: ", StringComparison.Ordinal));
            Assert.True(cr2 != null, "the report has no CR2 line:\n" + report);
            Assert.True(IsInNullPage(cr2) && cr2.Contains("null page"),
                "CR2 should be in the null page (0x0000000000000000 for *null = x) and be described as the null page:\n" + report);
        }

        [Fact]
        public void DivideByZero_ReportsTheDivideException()
        {
            string report = TestMachines.PanicReport(_log, "test=divide-zero");

            // ILC leaves the zero check to the CPU: its #DE becomes a DivideByZeroException, whose
            // report names the CPU exception it came from (ExceptionTests checks the rest).
            Assert.Contains("Divide Error (#DE)", report);
        }

        // "CR2: 0x0000000000000000 (...)": the address is below 4096.
        private static bool IsInNullPage(string cr2Line)
        {
            string value = cr2Line.Substring("CR2: ".Length).Split(' ')[0];
            return value.StartsWith("0x", StringComparison.Ordinal) &&
                   ulong.TryParse(value.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong address) &&
                   address < 4096;
        }
    }
}
