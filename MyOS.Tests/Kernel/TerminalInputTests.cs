using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MyOS.Tests.VirtualMachines;
using Xunit;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The shell as a terminal, typed over serial: every key sequence xterm and the Linux console
    /// send, the lone Esc, readline's control keys, Tab completion, line ends, colours; and the
    /// PS/2 keyboard through QEMU's sendkey (Esc, Tab, extended keys). One VM for all
    /// (<see cref="TerminalFixture"/>).
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    [Trait(TestTraits.KernelFeature, TestTraits.Shell)]
    public sealed class TerminalInputTests : IClassFixture<TerminalFixture>
    {
        private readonly TerminalFixture _terminal;

        public TerminalInputTests(TerminalFixture terminal)
        {
            _terminal = terminal;
            _terminal.FreshPrompt();
        }

        [Theory]
        // A lone Esc, resolved by the next byte: neither swallows it nor refuses the line.
        [InlineData("ec\x1bho hi\r", "hi")]
        [InlineData("echo a\x1b\x1b\x1b" + "b\r", "ab")]
        // Cursor keys in both modes (CSI and SS3), Home/End/Delete in their encodings.
        [InlineData("echo ac\x1b[Db\r", "abc")]
        [InlineData("echo ac\x1bODb\r", "abc")]
        [InlineData("echo ab\x1bOD\x1bOD\x1bOCx\r", "axb")]
        [InlineData("cho x\x1b[He\x1b[Fy\r", "xy")]
        [InlineData("cho x\x1bOHe\x1bOFy\r", "xy")]
        [InlineData("cho x\x1b[1~e\x1b[4~y\r", "xy")]
        [InlineData("cho x\x1b[7~e\x1b[8~y\r", "xy")]
        [InlineData("echo xzy\x1b[D\x1b[D\x1b[3~\r", "xy")]
        // Ctrl/Alt-arrows move by word; modifiers on other keys do what the key does.
        [InlineData("echo ab cd\x1b[1;5Dx\r", "ab xcd")]
        [InlineData("echo ab cd\x1b[1;5D\x1b[1;5D\x1b[1;5Cx\r", "abx cd")]
        [InlineData("echo ab cd\x1b[1;3Dx\r", "ab xcd")]
        [InlineData("echo ab\x1b[1;2Dx\r", "axb")]
        // Known keys with no action, and sequences naming no key: ignored whole, no byte lost.
        [InlineData("echo a\x1b[2~\x1bOP\x1b[11~\x1b[15~\x1b[24~\x1b[[A\x1b[Zb\r", "ab")]
        [InlineData("echo a\x1b[?1;2c\x1b[<0;12;5M\x1b[200~\x1b[99~\x1b[1 qb\r", "ab")]
        // PageUp/PageDown: the oldest history line and back to the (empty) newest.
        [InlineData("echo q\x1b[5~\x1b[6~echo r\r", "r")]
        // readline's control keys.
        [InlineData("cho hi\x01" + "e\x05!\r", "hi!")]
        [InlineData("garbage\x15" + "echo u\r", "u")]
        [InlineData("echo kx\x02\x0b\r", "k")]
        [InlineData("echo w1 w2\x17" + "w3\r", "w1 w3")]
        [InlineData("echo one two\x17\x17\x19\r", "one")]
        [InlineData("echo ab\x02\x02\x06" + "c\r", "acb")]
        [InlineData("echo xy\x02\x04\r", "x")]
        [InlineData("echo ab\x7f\x08" + "c\r", "c")]
        // Tab completes commands and help's and test's arguments.
        [InlineData("ec\t hi\r", "hi")]
        [InlineData("help memm\t\r", "usage: memmap")]
        [InlineData("help ec\t\r", "usage: echo <text>")]
        public void KeySequence_EditsTheLine(string typed, string expectedFirstLine)
        {
            List<string> output = _terminal.Type(typed);

            Assert.True(output.Count > 0 && output[0] == expectedFirstLine,
                $"typed {Escaped(typed)}, expected first output line \"{expectedFirstLine}\", got:\n{string.Join("\n", output)}");
        }

        [Fact]
        public void History_RecallsEarlierLines_WithUpDownAndCtrlPN()
        {
            Assert.Equal(new List<string> { "h-one" }, _terminal.Type("echo h-one\r"));
            Assert.Equal(new List<string> { "h-two" }, _terminal.Type("echo h-two\r"));
            // Up twice: h-two, then h-one. History is now h-one h-two h-one.
            Assert.Equal(new List<string> { "h-one" }, _terminal.Type("\x1b[A\x1b[A\r"));
            // Ctrl-P twice: h-one, then h-two. History: h-one h-two h-one h-two.
            Assert.Equal(new List<string> { "h-two" }, _terminal.Type("\x10\x10\r"));
            // SS3 Up twice (h-two, h-one), Down once (h-two), then edit the recalled line.
            Assert.Equal(new List<string> { "h-two!" }, _terminal.Type("\x1bOA\x1bOA\x1bOB!\r"));
            // Ctrl-P then Ctrl-N: back to the new, empty line, which runs nothing.
            Assert.Empty(_terminal.Type("\x10\x0e\r"));
        }

        [Fact]
        public void History_KeepsTheLast32Lines()
        {
            for (int i = 1; i <= 33; i++)
                Assert.Equal(new List<string> { $"k{i}" }, _terminal.Type($"echo k{i}\r"));

            // PageUp: the oldest line kept; of 33, the first has been dropped.
            Assert.Equal(new List<string> { "k2" }, _terminal.Type("\x1b[5~\r"));
        }

        [Fact]
        public void LoneEsc_IsResolvedByTheTimeOut_AndTheNextKeyIsKept()
        {
            _terminal.Vm.Serial.Send("echo a\x1b");
            Thread.Sleep(500);
            Assert.Equal(new List<string> { "ab" }, _terminal.Type("b\r"));
        }

        [Fact]
        public void TabAfterTest_CompletesATestName_AndRunsOnlyThatTest()
        {
            List<string> output = _terminal.Type("test pages.c\t\r");

            Assert.Equal(new List<string> { "PASS pages.contiguous-runs", "1 passed, 0 failed" }, output);
        }

        [Fact]
        public void TwoTabs_ListTheCandidates_ThenShowTheLineAgain()
        {
            SerialConsole serial = _terminal.Vm.Serial;
            serial.Send("mem\t\t");
            string list = serial.WaitForLine(l => l.Contains("memmap"), "the list of candidates", TimeSpan.FromSeconds(20));
            string shownAgain = serial.WaitFor("> mem", TimeSpan.FromSeconds(20));

            Assert.Equal(new[] { "meminfo", "memmap", "memtest" }, list.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderBy(w => w, StringComparer.Ordinal));
            Assert.Equal(new List<string> { "usage: memtest [pages]" }, _terminal.Type("\x15help memt\t\r").Take(1).ToList());
        }

        [Fact]
        public void CtrlDOnAnEmptyLine_DoesNothing()
        {
            _terminal.Vm.Serial.Send("\x04\x04");
            Assert.Equal(new List<string> { "d" }, _terminal.Type("echo d\r"));
        }

        [Fact]
        public void CtrlL_ClearsTheTerminal_AndShowsThePromptAgain()
        {
            _terminal.Vm.Serial.Send("echo l\x0c");
            _terminal.Vm.Serial.WaitFor("\x1b[H\x1b[2J> echo l", TimeSpan.FromSeconds(20));
            Assert.Equal(new List<string> { "l" }, _terminal.Type("\r"));
        }

        [Theory]
        [InlineData("\n\r")]
        [InlineData("\r\n")]
        [InlineData("\r")]
        [InlineData("\n")]
        public void EachLineEnd_GivesOnePrompt(string lineEnd)
        {
            SerialConsole serial = _terminal.Vm.Serial;
            serial.Send("echo end" + lineEnd);
            serial.WaitFor("end\n> ", TimeSpan.FromSeconds(20));
            Thread.Sleep(700);
            serial.Send("echo after\r");
            string rest = serial.WaitFor("after\n> ", TimeSpan.FromSeconds(20));

            Assert.Equal("echo after\nafter\n> ", rest);
        }

        [Fact]
        public void TestPrefixMatchingNothing_IsAnErrorNamingTheValidPrefixes()
        {
            List<string> output = _terminal.Type("test nosuchprefix\r");

            Assert.Single(output);
            Assert.StartsWith("error: no test name starts with 'nosuchprefix'", output[0]);
            foreach (string group in new[] { "pages", "heap", "runtime", "console" })
                Assert.Contains(group, output[0]);
        }

        [Fact]
        public void MemMapBar_IsColouredOnSerial_AsOnTheScreen()
        {
            int rawStart = _terminal.Vm.Serial.RawTranscript.Length;
            List<string> output = _terminal.Type("memmap\r");
            string raw = _terminal.Vm.Serial.RawTranscript.Substring(rawStart);

            string bar = output.Single(l => l.StartsWith("[", StringComparison.Ordinal));
            Assert.Matches(@"^\[[.#xTHMKCS]+\]$", bar);   // free, kernel image, reserved, and owners' letters
            Assert.Contains("\x1b[0;92m.", raw);   // free: light green
            Assert.Contains("\x1b[0;93m#", raw);   // in use: yellow
            Assert.Contains("\x1b[0m]", raw);      // back to the terminal's colours
        }

        [Fact]
        public void Ps2Keyboard_EscTabAndExtendedKeys()
        {
            // e c Tab -> "echo "; x y; Left; Esc (nothing); z -> "echo xzy"; Home; Delete (the 'e');
            // e; End; F1 (nothing); Enter.
            _terminal.Monitor.SendKeys("e", "c", "tab", "x", "y", "left", "esc", "z", "home", "delete", "e", "end", "f1", "ret");

            string line = _terminal.Vm.Serial.WaitForLine(l => l.Trim() == "xzy" || l.StartsWith("error", StringComparison.Ordinal),
                "the echoed word 'xzy'", TimeSpan.FromSeconds(30));
            Assert.Equal("xzy", line.Trim());
            _terminal.Vm.Serial.WaitForPrompt(TimeSpan.FromSeconds(20));
        }

        private static string Escaped(string text) =>
            "\"" + string.Concat(text.Select(c => c < 32 || c == 127 ? $"\\x{(int)c:X2}" : c.ToString())) + "\"";
    }
}
