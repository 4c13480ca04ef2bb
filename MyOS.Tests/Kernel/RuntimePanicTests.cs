using System;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// Runtime failures end in a panic report naming the exception and its message: the boot
    /// options test=bounds, test=null-field, test=bad-cast, test=throw and test=overflow make
    /// the kernel fail on purpose. The messages are .NET's own (CoreLib's resources).
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    [Trait(TestTraits.KernelFeature, TestTraits.BootOptions)]
    public sealed class RuntimePanicTests
    {

        private readonly Action<string> _log;

        /// <summary>xunit gives each test its output, where the VMs log their boot times.</summary>
        public RuntimePanicTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        public void ArrayIndexOutOfBounds_ReportsIndexOutOfRangeException()
        {
            string report = TestMachines.PanicReport(_log, "test=bounds");
            Assert.Contains("exception: IndexOutOfRangeException", report);
            Assert.Contains("message: Index was outside the bounds of the array.", report);
        }

        [Fact]
        public void FieldReadThroughNull_ReportsPageFaultInTheNullPage()
        {
            string report = TestMachines.PanicReport(_log, "test=null-field");
            Assert.Contains("Page Fault", report);
            Assert.Contains("null page", report);
        }

        [Fact]
        public void FailedCast_ReportsInvalidCastException()
        {
            string report = TestMachines.PanicReport(_log, "test=bad-cast");
            Assert.Contains("exception: InvalidCastException", report);
            // The boot test casts an int[] to string. NativeAOT's CoreLib throws InvalidCastException
            // without naming the types (the cast helpers pass no types to the exception).
            Assert.Contains("message: Specified cast is not valid.", report);
        }

        [Fact]
        public void Throw_ReportsTheExceptionAndItsMessage()
        {
            string report = TestMachines.PanicReport(_log, "test=throw");
            Assert.Contains("exception: InvalidOperationException", report);
            Assert.Contains("message: boot test: thrown on purpose", report);
        }

        [Fact]
        public void CheckedOverflow_ReportsOverflowException()
        {
            string report = TestMachines.PanicReport(_log, "test=overflow");
            Assert.Contains("exception: OverflowException", report);
            Assert.Contains("message: Arithmetic operation resulted in an overflow.", report);
        }
    }
}
