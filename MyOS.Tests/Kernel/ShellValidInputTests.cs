using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using MyOS.Tests.VirtualMachines;
using Xunit;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The inspection commands on valid input, over serial in one QEMU boot: `dump` shows the
    /// kernel's multiboot2 header where GRUB loaded it, `memtest` tests pages and gives them all
    /// back, `heap` lists blocks and `heap used` an alloc'd block until it is freed, `free` of a
    /// kernel object is refused and the object stays, and `uptime` advances. One VM serves all
    /// (<see cref="TerminalFixture"/>), each test from a fresh prompt.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    [Trait(TestTraits.KernelFeature, TestTraits.Shell)]
    public sealed class ShellValidInputTests : IClassFixture<TerminalFixture>
    {
        private static readonly TimeSpan s_commandLimit = TimeSpan.FromSeconds(20);

        private readonly TerminalFixture _terminal;

        /// <summary>xunit gives the shared VM.</summary>
        public ShellValidInputTests(TerminalFixture terminal)
        {
            _terminal = terminal;
            _terminal.FreshPrompt();
        }

        [Fact]
        public void Dump_ShowsTheMultiboot2HeaderAtOneMiB()
        {
            VirtualMachine vm = _terminal.Vm;

            IReadOnlyList<string> lines = vm.Serial.RunCommand("dump 0x100000 32", s_commandLimit);

            Assert.Equal(2, lines.Count);
            Assert.StartsWith("0x0000000000100000  ", lines[0]);
            Assert.StartsWith("0x0000000000100010  ", lines[1]);
            byte[] bytes = lines.SelectMany(HexBytes).ToArray();
            Assert.Equal(32, bytes.Length);
            // The header: magic 0xE85250D6, architecture, header length, checksum; the four add up to 0.
            uint[] fields = Enumerable.Range(0, 4).Select(i => BitConverter.ToUInt32(bytes, 4 * i)).ToArray();
            Assert.Equal(0xE85250D6u, fields[0]);
            Assert.Equal(0u, unchecked(fields[0] + fields[1] + fields[2] + fields[3]));
            // The ASCII column shows the same bytes: 0x50 0x52 are "PR".
            Assert.Equal("PR", lines[0].Substring(lines[0].Length - 16 + 1, 2));
        }

        [Fact]
        public void Memtest_TestsPages_AndGivesThemAllBack()
        {
            VirtualMachine vm = _terminal.Vm;
            string before = PageLines(vm);

            IReadOnlyList<string> output = vm.Serial.RunCommand("memtest 16", s_commandLimit);

            Assert.Contains("memtest: 16 pages tested, 0 bad words", output);
            Assert.Equal(before, PageLines(vm));
        }

        [Fact]
        public void Heap_ListsBlocks_AllocAndFreeShowInHeapUsed_AndAKernelObjectIsNotFreed()
        {
            VirtualMachine vm = _terminal.Vm;

            IReadOnlyList<string> listing = vm.Serial.RunCommand("heap", s_commandLimit);
            var block = new Regex(@"^0x[0-9A-F]{16}  \d+ bytes  (free|used|used \(object\))$");
            Assert.All(listing.Where(line => !line.StartsWith("... and ", StringComparison.Ordinal)), line => Assert.Matches(block, line));
            string objectLine = listing.First(line => line.EndsWith("used (object)", StringComparison.Ordinal));
            string objectAddress = objectLine.Split(' ')[0];

            IReadOnlyList<string> usedBefore = vm.Serial.RunCommand("heap used", s_commandLimit);
            string allocated = vm.Serial.RunCommand("alloc 200", s_commandLimit).Single();
            string address = allocated.Split(' ')[0];
            IReadOnlyList<string> usedWithBlock = vm.Serial.RunCommand("heap used", s_commandLimit);
            string blockLine = usedWithBlock.SingleOrDefault(line => line.StartsWith(address + "  ", StringComparison.Ordinal));
            Assert.True(blockLine != null, $"`heap used` does not list the block {address} from alloc:\n{string.Join("\n", usedWithBlock)}");
            Assert.True(ulong.Parse(blockLine.Split("  ")[1].Split(' ')[0], CultureInfo.InvariantCulture) >= 200, blockLine);
            Assert.Equal(UsedCount(usedBefore) + 1, UsedCount(usedWithBlock));

            string refused = vm.Serial.RunCommand($"free {objectAddress}", s_commandLimit).Single();
            Assert.Equal($"error: {objectAddress} holds a kernel object; only blocks from alloc can be freed", refused);
            Assert.Contains(vm.Serial.RunCommand("heap", s_commandLimit), line => line == objectLine);

            Assert.Equal($"freed {address}", vm.Serial.RunCommand($"free {address}", s_commandLimit).Single());
            Assert.Equal(usedBefore, vm.Serial.RunCommand("heap used", s_commandLimit));
            Assert.StartsWith("heap check: ok", vm.Serial.RunCommand("heap check", s_commandLimit).Single());
        }

        [Fact]
        public void Uptime_Advances()
        {
            VirtualMachine vm = _terminal.Vm;

            double first = Uptime(vm);
            Thread.Sleep(TimeSpan.FromSeconds(2));
            double second = Uptime(vm);

            Assert.True(first > 0, $"uptime {first} s at the prompt");
            Assert.True(second > first, $"uptime went from {first} s to {second} s over two seconds");
        }

        // "up 12.34 s"
        private static double Uptime(VirtualMachine vm)
        {
            string line = vm.Serial.RunCommand("uptime", s_commandLimit).Single();
            Match match = Regex.Match(line, @"^up (\d+\.\d\d) s$");
            Assert.True(match.Success, $"uptime printed \"{line}\"");
            return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        // "12 used blocks that are not kernel objects"
        private static int UsedCount(IReadOnlyList<string> heapUsed) =>
            int.Parse(heapUsed.Last().Split(' ')[0], CultureInfo.InvariantCulture);

        // The hex byte columns of a dump line: "0x...  D6 50 ...  ascii".
        private static IEnumerable<byte> HexBytes(string dumpLine) =>
            dumpLine.Split("  ", StringSplitOptions.RemoveEmptyEntries)[1].Split(' ')
                    .Select(hex => byte.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

        private static string PageLines(VirtualMachine vm) => TestMachines.MemInfoPageLines(vm, s_commandLimit);
    }
}
