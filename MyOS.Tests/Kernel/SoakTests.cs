using System;
using System.Text.RegularExpressions;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// Memory stays flat however long MyOS runs (issue 13): a 32 MiB VM runs 20,000 mixed shell
    /// commands (boot option test=soak: help, meminfo, memmap, heap, echo, alloc/free and
    /// pmalloc/pmfree pairs, a kernel test; each line runs as if typed, its output captured),
    /// and after a collection the heap size and used pages at the end are within a small bound
    /// of what they were after the first 100 commands, with no error and no panic.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    public sealed class SoakTests
    {
        private const int Commands = 20_000;
        /// <summary>The heap may end at most this much larger than after 100 commands (one allocation budget of the collector).</summary>
        private const long HeapBound = 256 * 1024;
        /// <summary>Used pages may end at most this many pages above (the heap bound in pages, plus slack for the page allocator).</summary>
        private const long PageBound = 72;

        private static readonly Regex s_report = new Regex(
            @"soak: after (\d+) commands: heap (\d+) bytes, pages used (\d+), live objects (\d+), collections (\d+), errors (\d+)");

        private readonly Action<string> _log;

        public SoakTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        public void TwentyThousandCommands_On32MiB_KeepHeapAndPagesFlat()
        {
            using VirtualMachine vm = TestMachines.Start(_log, VirtualMachineKind.Qemu, TimeSpan.FromSeconds(420),
                memoryMiB: 32, kernelArguments: $"test=soak soakcommands={Commands}");

            string output = vm.Serial.WaitFor("soak: done", TimeSpan.FromSeconds(400));

            Assert.DoesNotContain("KERNEL PANIC", vm.Transcript);
            MatchCollection reports = s_report.Matches(output);
            Assert.Equal(2, reports.Count);
            long Value(int report, int group) => long.Parse(reports[report].Groups[group].Value);
            Assert.Equal(100, Value(0, 1));
            Assert.Equal(Commands, Value(1, 1));
            Assert.Equal(0, Value(1, 6));
            Assert.True(Value(1, 5) > Value(0, 5), "no collection ran during the soak");
            long heapGrowth = Value(1, 2) - Value(0, 2);
            long pageGrowth = Value(1, 3) - Value(0, 3);
            _log($"heap {Value(0, 2)} -> {Value(1, 2)} bytes, pages used {Value(0, 3)} -> {Value(1, 3)}, live objects {Value(0, 4)} -> {Value(1, 4)}, {Value(1, 5)} collections");
            Assert.True(heapGrowth <= HeapBound, $"the heap grew by {heapGrowth} bytes over {Commands} commands");
            Assert.True(pageGrowth <= PageBound, $"used pages grew by {pageGrowth} over {Commands} commands");
        }
    }
}
