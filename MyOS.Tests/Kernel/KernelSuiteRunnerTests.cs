using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MyOS.Tests.VirtualMachines;
using Xunit;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The suite runner against a fake VM on a loopback socket: it follows the kernel's lines,
    /// reports each result as it comes, and names the test that hung or panicked.
    /// </summary>
    public sealed class KernelSuiteRunnerTests : IDisposable
    {
        private static readonly string[] s_listed = { "a.first", "b.second", "c.third" };
        private static readonly TimeSpan s_shortLimit = TimeSpan.FromMilliseconds(300);

        private readonly FakeSerialLink _link = new FakeSerialLink();
        private readonly TcpClient _fakeVm;
        private readonly SerialConsole _console;

        /// <summary>Connects a fake VM to a console, as a VM's UART would connect to the runner's listener.</summary>
        public KernelSuiteRunnerTests()
        {
            _fakeVm = _link.FakeVm;
            _console = _link.Console;
        }

        /// <summary>Closes both ends.</summary>
        public void Dispose() => _link.Dispose();

        // The kernel's answer is written ahead: the console keeps it until the runner reads it.
        private void VmPrints(string text) => _fakeVm.GetStream().Write(Encoding.ASCII.GetBytes(text.Replace("\n", "\r\n")));

        [Fact]
        public void CompleteRun_ReportsEachResultAsItComes()
        {
            VmPrints("test\nPASS a.first\nFAIL b.second: expected 3: got 4\nPASS c.third\n2 passed, 1 failed\n> ");
            var progress = new List<string>();

            KernelSuiteResult run = KernelSuiteRunner.Run(_console, s_listed, TimeSpan.FromSeconds(5), result => progress.Add(result.ToString()));

            Assert.Null(run.Error);
            Assert.Equal(new[] { "PASS a.first", "FAIL b.second: expected 3: got 4", "PASS c.third" }, progress);
            Assert.Equal(new[] { "b.second" }, run.Failures.Select(result => result.Name));
            Assert.Empty(run.Problems());
        }

        [Fact]
        public void HangingTest_EndsTheRunAtTheLimit_NamingTheTestThatHung()
        {
            VmPrints("test\nPASS a.first\n");

            KernelSuiteResult run = KernelSuiteRunner.Run(_console, s_listed, s_shortLimit);

            Assert.Contains("waiting for the result of b.second", run.Error);
            Assert.Equal(KernelTestOutcome.Passed, run.Get("a.first").Outcome);
            Assert.Equal(KernelTestOutcome.NotRun, run.Get("b.second").Outcome);
            Assert.Contains("b.second", run.Get("b.second").Reason);
            Assert.Equal(KernelTestOutcome.NotRun, run.Get("c.third").Outcome);
        }

        [Fact]
        public void Panic_EndsTheRunAtOnce_NamingTheTestThatPanicked()
        {
            VmPrints("test\nPASS a.first\n*** KERNEL PANIC ***\nPage Fault (#PF), vector 14\nSystem halted.\n");

            KernelSuiteResult run = KernelSuiteRunner.Run(_console, s_listed, TimeSpan.FromSeconds(30));

            Assert.Equal("the kernel panicked while running b.second", run.Error);
            Assert.Equal(new[] { "b.second", "c.third" }, run.Failures.Select(result => result.Name));
        }

        [Fact]
        public void ClosedConnection_EndsTheRun_WithTheReason()
        {
            VmPrints("test\nPASS a.first\nPASS b.second\n");
            // Closed once the runner's `test` command has arrived, as a VM that dies during the
            // suite: no delay to race against.
            var dyingVm = new System.Threading.Thread(() =>
            {
                System.IO.Stream stream = _fakeVm.GetStream();
                for (int b; (b = stream.ReadByte()) >= 0 && b != '\r';)
                {
                }
                _fakeVm.Close();
            })
            { IsBackground = true };
            dyingVm.Start();

            KernelSuiteResult run = KernelSuiteRunner.Run(_console, s_listed, TimeSpan.FromSeconds(30));

            Assert.Contains("closed while waiting for the result of c.third", run.Error);
            Assert.Equal(new[] { "c.third" }, run.Failures.Select(result => result.Name));
        }
    }
}
