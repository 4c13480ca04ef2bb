using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// An emulator's operating-system process, owned by the runner alone. It is stopped only with
    /// SIGKILL to the exact process id started here (Bochs ignores SIGTERM; nothing is ever killed
    /// by name): at its deadline, on <see cref="Kill"/>, on <see cref="Dispose"/>, and when the test
    /// process exits. After a kill its id, with its start time, is checked to be gone from /proc.
    /// </summary>
    public sealed class EmulatorProcess : IDisposable
    {
        private static readonly TimeSpan s_killWaitLimit = TimeSpan.FromSeconds(10);
        private const int KeptOutputLines = 40;

        // Emulators not yet known to be dead; the test process kills them on its way out.
        private static readonly HashSet<EmulatorProcess> s_running = new HashSet<EmulatorProcess>();

        private readonly object _gate = new object();
        private readonly Queue<string> _output = new Queue<string>(); // last lines on stdout/stderr, if redirected
        private readonly string _name;
        private readonly Process _process;
        private readonly ulong _startTime;  // with Id, identifies the process in /proc
        private readonly Timer _deadlineTimer;
        private bool _killedByRunner;       // SIGKILL came from the runner, so the exit status is not the VM's own
        private bool _killedAtDeadline;
        private bool _disposed;
        private int? _exitCode;             // kept from the reaped process, which Dispose releases

        static EmulatorProcess()
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAllRunning();
        }

        private EmulatorProcess(ProcessStartInfo info, string name, TimeSpan deadline)
        {
            _name = name;
            _process = new Process { StartInfo = info };
            _process.OutputDataReceived += (_, e) => KeepOutputLine(e.Data);
            _process.ErrorDataReceived += (_, e) => KeepOutputLine(e.Data);
            StartTimestamp = Stopwatch.GetTimestamp();
            try
            {
                _process.Start();
            }
            catch (Win32Exception e)
            {
                throw new VirtualMachineException($"Cannot start {name} ('{info.FileName}': {e.Message}); is it installed?", e);
            }
            Id = _process.Id;
            _startTime = ProcessProbe.StartTime(Id) ?? 0; // 0: already gone, and IsAlive says so
            lock (s_running)
                s_running.Add(this);
            Deadline = deadline;
            _deadlineTimer = new Timer(_ => OnDeadline(), null, deadline, Timeout.InfiniteTimeSpan);
            try
            {
                if (info.RedirectStandardInput)
                    _process.StandardInput.Close(); // the emulator reads nothing from the runner's stdin
                if (info.RedirectStandardOutput)
                    _process.BeginOutputReadLine();
                if (info.RedirectStandardError)
                    _process.BeginErrorReadLine();
            }
            catch
            {
                Dispose(); // no caller holds this object yet, so nobody else would kill the process
                throw;
            }
        }

        /// <summary>Starts the process described by <paramref name="info"/>; it is killed <paramref name="deadline"/> after start.</summary>
        public static EmulatorProcess Start(ProcessStartInfo info, string name, TimeSpan deadline) =>
            new EmulatorProcess(info, name, deadline);

        /// <summary>The process id.</summary>
        public int Id { get; }

        /// <summary>The <see cref="Stopwatch"/> timestamp taken just before the process was started.</summary>
        public long StartTimestamp { get; }

        /// <summary>How long after start the process is killed whatever it is doing.</summary>
        public TimeSpan Deadline { get; }

        /// <summary>Time since the process was started.</summary>
        public TimeSpan Uptime => Stopwatch.GetElapsedTime(StartTimestamp);

        /// <summary>True once the process has ended, by itself or killed.</summary>
        public bool HasExited { get { lock (_gate) return _disposed || _process.HasExited; } }

        /// <summary>The exit status if the process ended by itself; null while it runs or if the runner killed it.</summary>
        public int? ExitStatus
        {
            get
            {
                lock (_gate)
                {
                    if (!_disposed && _exitCode == null && _process.HasExited)
                        _exitCode = _process.ExitCode;
                    return _killedByRunner ? null : _exitCode;
                }
            }
        }

        /// <summary>True if the runner killed the process at its deadline.</summary>
        public bool KilledAtDeadline { get { lock (_gate) return _killedAtDeadline; } }

        /// <summary>True if the runner killed the process (at its deadline or on request).</summary>
        public bool KilledByRunner { get { lock (_gate) return _killedByRunner; } }

        /// <summary>True while this process (this id with this start time) exists in /proc and is not a zombie.</summary>
        public bool IsAlive => ProcessProbe.IsAlive(Id, _startTime);

        /// <summary>The last lines the process wrote on its redirected stdout and stderr.</summary>
        public IReadOnlyList<string> OutputTail { get { lock (_output) return _output.ToArray(); } }

        /// <summary>Waits up to <paramref name="limit"/> for the process to end.</summary>
        public bool WaitForExit(TimeSpan limit)
        {
            lock (_gate)
            {
                if (_disposed)
                    return true;
            }

            return _process.WaitForExit(limit);
        }

        /// <summary>Sends SIGKILL if the process still runs, waits until it is reaped, and checks its id is gone.</summary>
        public void Kill()
        {
            lock (_gate)
            {
                if (_disposed)
                    return;
                if (!_process.HasExited)
                {
                    _killedByRunner = true;
                    try { _process.Kill(); } // SIGKILL to exactly this process id
                    catch (InvalidOperationException) { } // it exited in between
                    catch (Win32Exception) { }
                }
                if (!_process.WaitForExit(s_killWaitLimit))
                    throw new VirtualMachineException($"{_name}: process {Id} still runs {s_killWaitLimit.TotalSeconds:0} s after SIGKILL.");
                _exitCode ??= _process.ExitCode;
            }
            lock (s_running)
                s_running.Remove(this);
            if (IsAlive)
                throw new VirtualMachineException($"{_name}: process {Id} still exists after being killed and reaped.");
        }

        /// <summary>Kills the process (see <see cref="Kill"/>) and releases it.</summary>
        public void Dispose()
        {
            _deadlineTimer.Dispose();
            try
            {
                Kill();
            }
            finally
            {
                lock (_gate)
                {
                    _disposed = true;
                    _process.Dispose();
                }
            }
        }

        private void OnDeadline()
        {
            lock (_gate)
            {
                if (_disposed || _process.HasExited)
                    return;
                _killedAtDeadline = true;
            }
            try { Kill(); }
            catch (Exception) { } // on a timer thread an exception would end the test process; Dispose reports it
        }

        private void KeepOutputLine(string line)
        {
            if (line == null)
                return;
            lock (_output)
            {
                _output.Enqueue(line);
                if (_output.Count > KeptOutputLines)
                    _output.Dequeue();
            }
        }

        private static void KillAllRunning()
        {
            EmulatorProcess[] running;
            lock (s_running)
                running = new List<EmulatorProcess>(s_running).ToArray();
            foreach (EmulatorProcess process in running)
            {
                try { process.Kill(); }
                catch (Exception) { } // the test process is exiting; nothing is left to report to
            }
        }
    }
}
