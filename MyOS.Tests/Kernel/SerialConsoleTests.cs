using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using MyOS.Tests.VirtualMachines;
using Xunit;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The serial console against a fake VM on a loopback socket (no emulator): waits consume the
    /// transcript in order, prompts are told from "> " inside lines, limits and closed connections
    /// end waits with the transcript in the message.
    /// </summary>
    public sealed class SerialConsoleTests : IDisposable
    {
        private readonly FakeSerialLink _link = new FakeSerialLink();
        private readonly TcpClient _fakeVm;
        private readonly SerialConsole _console;

        /// <summary>Connects a fake VM to a console, as a VM's UART would connect to the runner's listener.</summary>
        public SerialConsoleTests()
        {
            _fakeVm = _link.FakeVm;
            _console = _link.Console;
        }

        /// <summary>Closes both ends.</summary>
        public void Dispose() => _link.Dispose();

        private void VmPrints(string text) => _fakeVm.GetStream().Write(Encoding.ASCII.GetBytes(text));

        [Fact]
        public void Waits_ConsumeTheTranscriptInOrder_AndCarriageReturnsAreDropped()
        {
            VmPrints("one\r\ntwo\r\nthree\r\n");

            Assert.Equal("one", _console.WaitFor("one", TimeSpan.FromSeconds(5)));
            Assert.Equal("\ntwo\nthree", _console.WaitFor("three", TimeSpan.FromSeconds(5)));
            Assert.Throws<SerialTimeoutException>(() => _console.WaitFor("two", TimeSpan.FromMilliseconds(200)));
            Assert.Equal("one\ntwo\nthree\n", _console.Transcript);
        }

        [Fact]
        public void ColourSequences_AreDroppedFromTheTranscript_AndKeptInTheRawOne()
        {
            VmPrints("[\x1b[0;92m..\x1b[0;93m#\x1b[0m]\r\n\x1b[3Dx\x1b[K\n");

            Assert.Equal("[..#]", _console.WaitForLine(l => l.StartsWith("["), "the bar", TimeSpan.FromSeconds(5)));
            Assert.Equal("\x1b[3Dx\x1b[K", _console.WaitForLine(l => l.Contains("x"), "the edit", TimeSpan.FromSeconds(5)));
            Assert.Contains("\x1b[0;92m..\x1b[0;93m#", _console.RawTranscript);
        }

        [Fact]
        public void WaitForLine_ReturnsTheWholeMatchingLine()
        {
            VmPrints("GRUB noise\nMyOS 0.1.0 booted\n> ");

            string banner = _console.WaitForLine(line => line.StartsWith("MyOS "), "the banner", TimeSpan.FromSeconds(5));

            Assert.Equal("MyOS 0.1.0 booted", banner);
            Assert.Equal("> ", _console.WaitForPrompt(TimeSpan.FromSeconds(5)));
        }

        [Fact]
        public void WaitForPrompt_IgnoresArrowsInsideCompleteLines()
        {
            VmPrints("a -> b\nx > y\n");

            Assert.Throws<SerialTimeoutException>(() => _console.WaitForPrompt(TimeSpan.FromMilliseconds(300)));
            VmPrints("> ");
            Assert.Equal("a -> b\nx > y\n> ", _console.WaitForPrompt(TimeSpan.FromSeconds(5)));
        }

        [Fact]
        public void RunCommand_SendsCarriageReturn_AndReturnsTheLinesWithoutEchoOrPrompt()
        {
            var shell = new Thread(() =>
            {
                var line = new StringBuilder();
                Stream stream = _fakeVm.GetStream();
                for (int b; (b = stream.ReadByte()) > 0 && b != '\r';)
                    line.Append((char)b);
                VmPrints(line + "\r\nfirst\r\nsecond\r\n> "); // echo, output, prompt
            })
            { IsBackground = true };
            shell.Start();

            Assert.Equal(new[] { "first", "second" }, _console.RunCommand("help", TimeSpan.FromSeconds(5)));
        }

        [Fact]
        public void TimeOut_EndsAtTheLimit_WithTheTranscriptInTheMessage()
        {
            VmPrints("MyOS 0.1.0 booted\n");
            TimeSpan limit = TimeSpan.FromMilliseconds(500);
            Stopwatch clock = Stopwatch.StartNew();

            SerialTimeoutException e = Assert.Throws<SerialTimeoutException>(() => _console.WaitForPrompt(limit));

            // A lower bound only: how much later the wait wakes up depends on the machine's load.
            Assert.True(clock.Elapsed >= limit, $"the wait gave up after {clock.Elapsed}, before its limit {limit}");
            Assert.Contains("MyOS 0.1.0 booted", e.Message);
            Assert.Contains("fake VM", e.Message);
            Assert.Equal(limit, e.Limit);
        }

        [Fact]
        public void ClosedConnection_EndsAWaitAtOnce()
        {
            VmPrints("*** KERNEL PANIC ***\n");
            _fakeVm.Close();

            // No clock: a wait that ran into its limit would throw SerialTimeoutException instead.
            SerialClosedException e = Assert.Throws<SerialClosedException>(() => _console.WaitFor("never", TimeSpan.FromMinutes(10)));

            Assert.Contains("KERNEL PANIC", e.Message);
            Assert.True(_console.IsClosed);
        }
    }
}
