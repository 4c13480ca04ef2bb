using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// One running virtual machine booted from a MyOS ISO, driven over its serial console (COM1,
    /// connected to a TCP listener of ours). The VM process is ours alone: it is killed with
    /// SIGKILL, by the process id we started, at its deadline, on <see cref="Kill"/> and on
    /// <see cref="Dispose"/>, and after that its id is checked to be gone.
    /// </summary>
    public abstract class VirtualMachine : IDisposable
    {
        /// <summary>What the kernel's banner line starts with.</summary>
        public const string BannerPrefix = "MyOS ";

        private static readonly TimeSpan s_serialConnectLimit = TimeSpan.FromSeconds(30);

        private EmulatorProcess _process;
        private TcpListener _listener;
        private TcpClient _connection;
        private int _disposed; // 1 once Dispose has begun

        /// <summary>Checks the options and makes the VM's private work directory (configuration, logs, sockets).</summary>
        protected VirtualMachine(VirtualMachineOptions options)
        {
            options.Validate();
            Options = options;
            WorkDirectory = Directory.CreateTempSubdirectory("myos-vm-").FullName;
        }

        /// <summary>Starts a VM as <paramref name="options"/> say and returns once its serial console is connected.</summary>
        public static VirtualMachine Start(VirtualMachineOptions options)
        {
            VirtualMachine machine = options.Kind switch
            {
                VirtualMachineKind.Qemu => new QemuMachine(options),
                VirtualMachineKind.Bochs => new BochsMachine(options),
                _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Unknown virtual machine kind."),
            };
            try
            {
                machine.Launch();
            }
            catch
            {
                machine.Dispose();
                throw;
            }
            return machine;
        }

        /// <summary>The emulator's name ("QEMU", "Bochs").</summary>
        public abstract string Name { get; }

        /// <summary>The options this VM was started with.</summary>
        public VirtualMachineOptions Options { get; }

        /// <summary>The VM in words: emulator, RAM and kernel arguments, for messages.</summary>
        public string Description => $"{Name}, {Options.MemoryMiB} MiB" +
            (string.IsNullOrWhiteSpace(Options.KernelArguments) ? "" : $", kernel arguments \"{Options.KernelArguments.Trim()}\"");

        /// <summary>A private directory for this VM's files; deleted on <see cref="Dispose"/>.</summary>
        public string WorkDirectory { get; }

        /// <summary>The ISO actually booted: a private copy of the given ISO, or its variant with the kernel arguments.</summary>
        public string IsoPath { get; private set; }

        /// <summary>The id of the emulator process (the emulator itself, not a wrapper).</summary>
        public int ProcessId => _process?.Id ?? 0;

        /// <summary>The serial console; valid once <see cref="Start"/> has returned.</summary>
        public SerialConsole Serial { get; private set; }

        /// <summary>Everything the VM has sent on the serial line so far.</summary>
        public string Transcript => Serial?.Transcript ?? "";

        /// <summary>From process start to the first prompt; null until <see cref="WaitForBoot"/> has seen it.</summary>
        public TimeSpan? BootTime { get; private set; }

        /// <summary>Time since the VM process was started.</summary>
        public TimeSpan Uptime => _process?.Uptime ?? TimeSpan.Zero;

        /// <summary>True once the VM process has ended (by itself or killed).</summary>
        public bool HasExited => _process == null || _process.HasExited;

        /// <summary>The VM's exit status if it ended by itself (QEMU's isa-debug-exit gives (value &lt;&lt; 1) | 1); otherwise null.</summary>
        public int? ExitStatus => _process?.ExitStatus;

        /// <summary>True while the VM process (this id with this start time) still exists in /proc.</summary>
        public bool IsProcessAlive => _process != null && _process.IsAlive;

        /// <summary>
        /// Waits for the banner line (starting with "MyOS ") and then the prompt, both within
        /// <paramref name="limitFromStart"/> of starting the VM; records and logs the boot time.
        /// </summary>
        public BootResult WaitForBoot(TimeSpan limitFromStart)
        {
            string banner = Serial.WaitForLine(line => line.StartsWith(BannerPrefix, StringComparison.Ordinal),
                $"the banner (a line starting with \"{BannerPrefix}\") within {limitFromStart.TotalSeconds:0} s of starting the VM",
                limitFromStart - Uptime);
            string rest = Serial.WaitForPrompt(limitFromStart - Uptime);
            BootTime = Stopwatch.GetElapsedTime(_process.StartTimestamp, Serial.LastReceiveTimestamp);
            Log($"{Description}: boot to prompt {BootTime.Value.TotalSeconds:0.00} s");
            return new BootResult(banner, BootTime.Value, banner + "\n" + rest);
        }

        /// <summary>Waits up to <paramref name="limit"/> for the VM process to end by itself.</summary>
        public bool WaitForExit(TimeSpan limit) => _process == null || _process.WaitForExit(limit);

        /// <summary>
        /// Sends <paramref name="command"/> (the shell's "shutdown"), waits up to <paramref name="exitLimit"/>
        /// for the VM to end, then kills it regardless. Returns its own exit status, or null if it had to be killed.
        /// </summary>
        public int? Shutdown(TimeSpan exitLimit, string command = "shutdown")
        {
            try
            {
                Serial.SendLine(command);
            }
            catch (SerialClosedException)
            {
                // Already gone: the exit status below says how it ended.
            }
            WaitForExit(exitLimit);
            int? status = ExitStatus;
            Kill();
            return status;
        }

        /// <summary>Kills the VM process with SIGKILL (if it still runs), waits for it, and checks its id is gone.</summary>
        public void Kill() => _process?.Kill();

        /// <summary>
        /// Kills the VM (see <see cref="Kill"/>), closes the serial connection, deletes the work
        /// directory, and logs how the VM ended.
        /// </summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
                return;
            try
            {
                _process?.Dispose();
            }
            finally
            {
                Serial?.Dispose();
                _connection?.Dispose();
                _listener?.Stop();
                try { Directory.Delete(WorkDirectory, recursive: true); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
            if (_process != null)
                Log($"{Description}: {(BootTime.HasValue ? "" : "no prompt seen; ")}stopped after {Uptime.TotalSeconds:0.00} s ({Ending()})");
        }

        /// <summary>How to start the emulator so that it boots <paramref name="isoPath"/> and connects COM1 to 127.0.0.1:<paramref name="serialPort"/>.</summary>
        protected abstract ProcessStartInfo CreateStartInfo(string isoPath, int serialPort);

        /// <summary>Checks that process <paramref name="processId"/> is the emulator itself; throws otherwise.</summary>
        protected virtual void CheckProcessIdentity(int processId) { }

        /// <summary>The emulator's own messages worth showing when it failed (empty if none).</summary>
        protected virtual string DiagnosticOutput()
        {
            IReadOnlyList<string> lines = _process?.OutputTail ?? Array.Empty<string>();
            return lines.Count == 0 ? "" : $"--- {Name}'s own output (last lines) ---\n{string.Join("\n", lines)}";
        }

        private void Launch()
        {
            string baseIso = Options.IsoPath ?? RepositoryLocator.RequireKernelIso();
            IsoPath = KernelIsoVariants.Get(baseIso, Options.KernelArguments);
            if (IsoPath == baseIso)
            {
                // `dotnet build` may rewrite the repository's ISO at any moment; a private copy
                // keeps the disc from changing under a running VM.
                IsoPath = Path.Combine(WorkDirectory, "MyOS.iso");
                File.Copy(baseIso, IsoPath);
            }

            _listener = new TcpListener(IPAddress.Loopback, 0); // an ephemeral port: VMs never collide
            _listener.Start(1);
            ProcessStartInfo info = CreateStartInfo(IsoPath, ((IPEndPoint)_listener.LocalEndpoint).Port);
            _process = EmulatorProcess.Start(info, Description, Options.Deadline);

            _connection = AcceptSerialConnection();
            _listener.Stop();
            _connection.NoDelay = true;
            CheckProcessIdentity(_process.Id);
            Serial = new SerialConsole(_connection.GetStream(), Description, DescribeState);
        }

        private TcpClient AcceptSerialConnection()
        {
            Task<TcpClient> accept = _listener.AcceptTcpClientAsync();
            Stopwatch clock = Stopwatch.StartNew();
            while (!accept.Wait(TimeSpan.FromMilliseconds(50)))
            {
                if (_process.HasExited)
                    throw new VirtualMachineException($"{Description} never connected to its serial port.\n{DescribeState()}");
                if (clock.Elapsed > s_serialConnectLimit)
                {
                    throw new VirtualMachineException(
                        $"{Description} did not connect to its serial port within {s_serialConnectLimit.TotalSeconds:0} s.\n{DiagnosticOutput()}");
                }
            }
            return accept.Result;
        }

        // What became of the VM, for failure messages: running, exited with a status, or killed.
        private string DescribeState()
        {
            // When the serial line has closed the process is ending: give it a moment to be reaped.
            bool exited = _process.HasExited || (Serial != null && Serial.IsClosed && _process.WaitForExit(TimeSpan.FromSeconds(1)));
            string diagnostics = exited ? DiagnosticOutput() : "";
            return $"VM state: {Name} (pid {_process.Id}) {(exited ? Ending() : $"still running, {Uptime.TotalSeconds:0.0} s after start")}." +
                   (diagnostics.Length > 0 ? "\n" + diagnostics : "");
        }

        private string Ending() =>
            _process.KilledAtDeadline ? $"killed (SIGKILL) at its deadline of {_process.Deadline.TotalSeconds:0} s"
            : _process.KilledByRunner ? "killed (SIGKILL) by the runner"
            : _process.ExitStatus is int status ? $"exited by itself with status {status}"
            : "stopped";

        // ITestOutputHelper refuses lines once its test has finished; a lost log line is no failure.
        private void Log(string line)
        {
            try { Options.Log?.Invoke(line); }
            catch (InvalidOperationException) { }
        }
    }
}
