using System;
using System.Globalization;
using System.Linq;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The CPU exceptions that stay kernel panics, raised by boot options
    /// (MyOS/Diagnostics/Tests/CpuFaultTriggers.cs): each report names the exception and its
    /// vector, and gives the error code and the RIP the CPU pushed, ending in "System halted.".
    /// The #UD and #BP code sits at the start of a page of its own, so RIP is known within the page.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    [Trait(TestTraits.KernelFeature, TestTraits.BootOptions)]
    public sealed class CpuExceptionPanicTests
    {
        private readonly Action<string> _log;

        /// <summary>xunit gives each test its output, where the VMs log their boot times.</summary>
        public CpuExceptionPanicTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        public void InvalidOpcode_ReportsUdAtTheInstruction()
        {
            string report = TestMachines.PanicReport(_log, "test=invalid-opcode");

            Assert.Contains("Invalid Opcode (#UD), vector 6", report);
            // A fault: RIP is the UD2 itself, the first byte of its page.
            Assert.True(Register(report, "RIP") % 4096 == 0, "RIP should be the page's first byte:\n" + report);
        }

        [Fact]
        public void GeneralProtection_ReportsGpWithErrorCodeZero()
        {
            string report = TestMachines.PanicReport(_log, "test=general-protection");

            Assert.Contains("General Protection Fault (#GP), vector 13", report);
            // A non-canonical address is no segment selector's fault: the error code is 0.
            Assert.Equal(0UL, Register(report, "error code"));
            Assert.DoesNotContain("Page Fault", report);
        }

        [Fact]
        public void Breakpoint_ReportsBpAfterTheInstruction()
        {
            string report = TestMachines.PanicReport(_log, "test=breakpoint");

            Assert.Contains("Breakpoint (#BP), vector 3", report);
            // A trap: RIP is the byte after INT3, the page's second.
            Assert.True(Register(report, "RIP") % 4096 == 1, "RIP should be the page's second byte:\n" + report);
        }

        // "NAME: 0x0123..." anywhere in the report; fails the test if absent.
        private static ulong Register(string report, string name)
        {
            string line = report.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(name + ": 0x", StringComparison.Ordinal));
            Assert.True(line != null, $"the report has no \"{name}: 0x\" line:\n{report}");
            string hex = line.Substring(name.Length + 4).Split(' ')[0];
            return ulong.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }
    }
}
