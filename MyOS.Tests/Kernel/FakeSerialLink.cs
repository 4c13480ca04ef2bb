using System;
using System.Net;
using System.Net.Sockets;
using MyOS.Tests.VirtualMachines;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// A fake VM's serial line for host tests of the runner's side: a loopback TCP pair, as a
    /// VM's UART connects to the runner's listener, with a <see cref="SerialConsole"/> on the
    /// runner's end. What a test writes to <see cref="FakeVm"/> is what the console receives.
    /// </summary>
    public sealed class FakeSerialLink : IDisposable
    {
        private readonly TcpClient _runnerSide;

        public FakeSerialLink()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start(1);
            FakeVm = new TcpClient();
            FakeVm.Connect(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
            _runnerSide = listener.AcceptTcpClient();
            listener.Stop();
            Console = new SerialConsole(_runnerSide.GetStream(), "fake VM");
        }

        /// <summary>The VM's end: write here what the kernel would print.</summary>
        public TcpClient FakeVm { get; }

        /// <summary>The runner's console on the other end.</summary>
        public SerialConsole Console { get; }

        /// <summary>Closes both ends.</summary>
        public void Dispose()
        {
            Console.Dispose();
            _runnerSide.Dispose();
            FakeVm.Dispose();
        }
    }
}
