using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// The human monitor of a QEMU started with <see cref="VirtualMachineOptions.EnableQemuMonitor"/>:
    /// sends commands (sendkey, screendump) and waits for the monitor's "(qemu)" prompt after each,
    /// so a command has been carried out when <see cref="Run"/> returns.
    /// </summary>
    public sealed class QemuMonitor : IDisposable
    {
        private const string Prompt = "(qemu) ";
        private readonly Socket _socket;
        private readonly StringBuilder _received = new StringBuilder();

        /// <summary>Connects to <paramref name="vm"/>'s monitor socket and waits for its first prompt.</summary>
        public QemuMonitor(QemuMachine vm)
        {
            _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _socket.Connect(new UnixDomainSocketEndPoint(vm.MonitorSocketPath ?? throw new ArgumentException("the VM has no monitor", nameof(vm))));
            WaitForPrompt(TimeSpan.FromSeconds(10));
        }

        /// <summary>Runs one monitor command; returns what the monitor printed before its next prompt.</summary>
        public string Run(string command, TimeSpan? limit = null)
        {
            _socket.Send(Encoding.ASCII.GetBytes(command + "\n"));
            return WaitForPrompt(limit ?? TimeSpan.FromSeconds(10));
        }

        /// <summary>Presses and releases each key (QEMU key names: "a", "shift-k", "esc", "tab", "left", "ret", ...), one after another.</summary>
        public void SendKeys(params string[] keys)
        {
            foreach (string key in keys)
            {
                Run("sendkey " + key);
                Thread.Sleep(150); // sendkey holds a key (and its Shift) 100 ms: the next press comes after the release
            }
        }

        private string WaitForPrompt(TimeSpan limit)
        {
            var buffer = new byte[4096];
            Stopwatch clock = Stopwatch.StartNew();
            while (true)
            {
                string text = _received.ToString();
                int at = text.IndexOf(Prompt, StringComparison.Ordinal);
                if (at >= 0)
                {
                    _received.Remove(0, at + Prompt.Length);
                    return text.Substring(0, at);
                }
                TimeSpan left = limit - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                    throw new TimeoutException($"The QEMU monitor gave no prompt within {limit.TotalSeconds:0} s; it printed: {text}");
                _socket.ReceiveTimeout = (int)Math.Max(1, left.TotalMilliseconds);
                int count;
                try
                {
                    count = _socket.Receive(buffer);
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut || e.SocketErrorCode == SocketError.WouldBlock)
                {
                    continue;
                }
                if (count == 0)
                    throw new TimeoutException("The QEMU monitor closed its connection; it printed: " + text);
                _received.Append(Encoding.ASCII.GetString(buffer, 0, count));
            }
        }

        /// <summary>Closes the connection (QEMU keeps running).</summary>
        public void Dispose() => _socket.Dispose();
    }
}
