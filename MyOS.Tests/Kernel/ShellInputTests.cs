using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// Bad input to the shell, typed over serial: every case gets exactly one "error:" line,
    /// the memory state is the same afterwards (meminfo's page lines, the heap's blocks that are
    /// not kernel objects, and the heap check), and the shell keeps answering. Also
    /// the PS/2 keyboard: keys sent through QEMU's monitor type a command that runs.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    [Trait(TestTraits.KernelFeature, TestTraits.Shell)]
    public sealed class ShellInputTests
    {
        private static readonly TimeSpan s_commandLimit = TimeSpan.FromSeconds(15);

        /// <summary>Lines that must each be refused with one error line.</summary>
        private static readonly string[] s_badLines =
        {
            "no-such-command", "pmalloc", "pmalloc 1 2", "pmalloc abc", "pmalloc 99999999999999999999",
            "pmalloc 0x1FFFFFFFFFFFFFFFF", "pmalloc 0", "pmalloc 0xFFFFFFFFFFFF", "pmfree 0x1001 1",
            "pmfree 0x0 1", "pmfree 0xFFFFFFFFFFFFF000 16", "pmfree 0x200000000 1", "pmfree 0x7000000 1",
            "alloc", "alloc 0", "alloc 64G", "alloc 16 3", "alloc 16 8192", "alloc 18446744073709551615K",
            "free", "free 0x1234", "free 0", "free 0xFFFF800000000001", "free zz", "heap nonsense",
            "dump", "dump 0xA0000", "dump 0x1000 0", "dump 0x1000 5000", "memtest 0", "shutdown 300",
            "shutdown x", "help no-such-command", "test a b", "test nosuchprefix",
        };

        private readonly Action<string> _log;

        public ShellInputTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        public void EveryBadInput_GetsOneErrorLine_AndChangesNothing()
        {
            using VirtualMachine vm = TestMachines.StartAtPrompt(_log, deadline: TimeSpan.FromSeconds(180));
            // Blocks of the shell user's own, which no refused command may free or move.
            Assert.StartsWith("0x", vm.Serial.RunCommand("alloc 100", s_commandLimit).Single());
            Assert.StartsWith("0x", vm.Serial.RunCommand("alloc 4096 4096", s_commandLimit).Single());
            string before = PageTotals(vm);
            IReadOnlyList<string> blocksBefore = vm.Serial.RunCommand("heap used", s_commandLimit);

            var problems = new List<string>();
            foreach (string line in s_badLines)
            {
                IReadOnlyList<string> output = vm.Serial.RunCommand(line, s_commandLimit);
                List<string> printed = output.Where(l => l.Trim().Length > 0).ToList();
                if (printed.Count != 1 || !printed[0].StartsWith("error:", StringComparison.Ordinal))
                    problems.Add($"'{line}' printed:\n  {string.Join("\n  ", printed)}");
            }

            string after = PageTotals(vm);
            IReadOnlyList<string> blocksAfter = vm.Serial.RunCommand("heap used", s_commandLimit);
            string check = vm.Serial.RunCommand("heap check", s_commandLimit).Single();
            Assert.True(problems.Count == 0, "bad input not refused with one error line:\n" + string.Join("\n", problems));
            Assert.Equal(before, after);
            Assert.Equal(blocksBefore, blocksAfter);
            Assert.StartsWith("heap check: ok", check);
        }

        /// <summary>The page allocator's lines of meminfo (the heap's change as the shell keeps its history).</summary>
        private static string PageTotals(VirtualMachine vm) => TestMachines.MemInfoPageLines(vm, s_commandLimit);

        [Fact]
        public void DoubleFree_IsRefused_ForPagesAndHeapBlocks()
        {
            using VirtualMachine vm = TestMachines.StartAtPrompt(_log);

            string pages = vm.Serial.RunCommand("pmalloc 2", s_commandLimit).Single(l => l.StartsWith("0x"));
            string address = pages.Split(' ')[0];
            Assert.StartsWith("freed", vm.Serial.RunCommand($"pmfree {address} 2", s_commandLimit).Single());
            Assert.StartsWith("error:", vm.Serial.RunCommand($"pmfree {address} 2", s_commandLimit).Single());

            string block = vm.Serial.RunCommand("alloc 100", s_commandLimit).Single(l => l.StartsWith("0x")).Split(' ')[0];
            Assert.StartsWith("freed", vm.Serial.RunCommand($"free {block}", s_commandLimit).Single());
            string second = vm.Serial.RunCommand($"free {block}", s_commandLimit).Single();
            Assert.StartsWith("error:", second);
            Assert.Contains("heap check: ok", vm.Serial.RunCommand("heap check", s_commandLimit).Single());
        }

        [Fact]
        public void LongLineOfRandomBytes_IsRefused_AndHelpStillAnswers()
        {
            using VirtualMachine vm = TestMachines.StartAtPrompt(_log, deadline: TimeSpan.FromSeconds(120));
            var random = new Random(2026);
            var bytes = new StringBuilder();
            for (int i = 0; i < 10000; i++)
            {
                // Any byte but the line ends and Ctrl-C, so the whole thing is one line.
                char c = (char)random.Next(0, 256);
                bytes.Append(c == '\r' || c == '\n' || c == (char)3 ? 'x' : c);
            }

            IReadOnlyList<string> output = vm.Serial.RunCommand(bytes.ToString(), TimeSpan.FromSeconds(60));

            Assert.Contains(output, line => line.StartsWith("error:", StringComparison.Ordinal));
            Assert.Contains(vm.Serial.RunCommand("help", s_commandLimit), line => line.StartsWith("memmap", StringComparison.Ordinal));
        }

        [Fact]
        public void KeysSentToThePs2Keyboard_TypeACommandThatRuns()
        {
            using VirtualMachine vm = VirtualMachine.Start(new VirtualMachineOptions
            {
                Kind = VirtualMachineKind.Qemu,
                Deadline = TimeSpan.FromSeconds(90),
                Log = _log,
                EnableQemuMonitor = true,
            });
            vm.WaitForBoot(TimeSpan.FromSeconds(30));

            using var monitor = new QemuMonitor((QemuMachine)vm);
            monitor.SendKeys("e", "c", "h", "o", "spc", "shift-k", "e", "y", "s", "ret");

            // Everything between the boot's prompt and the next: the keys echoed as typed (Shift
            // included), the command's output, the prompt.
            string typed = vm.Serial.WaitForPrompt(TimeSpan.FromSeconds(20));
            Assert.Equal("echo Keys\nKeys\n> ", typed);
        }
    }
}
