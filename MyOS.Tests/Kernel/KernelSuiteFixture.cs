using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MyOS.Tests.VirtualMachines;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The boots behind <see cref="KernelSuiteTests"/>: one <see cref="ConfigurationRun"/> per VM
    /// configuration, shared by all the cases of that configuration. On the first request it boots
    /// every planned configuration, <see cref="ParallelVms"/> at a time, in plan order. Progress
    /// (boot times, a line per kernel test) goes to xunit's diagnostic messages as it happens, and
    /// a summary when the class is done.
    /// </summary>
    public sealed class KernelSuiteFixture : IDisposable
    {
        /// <summary>Environment variable that sets how many VMs run at once (1 or 2).</summary>
        public const string ParallelVmsVariable = "MYOS_PARALLEL_VMS";

        private readonly IMessageSink _sink;
        private readonly object _gate = new object();
        private readonly List<VmConfiguration> _queue = new List<VmConfiguration>(); // in boot order; taken from the front
        private readonly Dictionary<string, TaskCompletionSource<ConfigurationRun>> _runs = new Dictionary<string, TaskCompletionSource<ConfigurationRun>>();
        private readonly List<Thread> _workers = new List<Thread>();
        private readonly Stopwatch _clock = new Stopwatch();

        /// <summary>xunit passes its diagnostic message sink, which `dotnet test` prints as messages arrive.</summary>
        public KernelSuiteFixture(IMessageSink diagnosticMessageSink) => _sink = diagnosticMessageSink;

        /// <summary>
        /// VMs run at once: each emulator keeps one core busy, so as many as there are cores, and
        /// never more than 2 (the build machines have 2; a third VM would only slow the others).
        /// </summary>
        public static int ParallelVms =>
            int.TryParse(Environment.GetEnvironmentVariable(ParallelVmsVariable), out int wanted)
                ? Math.Clamp(wanted, 1, 2)
                : Math.Clamp(Environment.ProcessorCount, 1, 2);

        /// <summary>The run of <paramref name="configuration"/>, booting it (and all planned ones) if not done yet; waits for it.</summary>
        public ConfigurationRun Get(VmConfiguration configuration)
        {
            TaskCompletionSource<ConfigurationRun> run;
            lock (_gate)
            {
                if (!_clock.IsRunning)
                {
                    _clock.Start();
                    Log($"In-kernel suite: booting {string.Join(", ", KernelSuitePlan.Planned.Select(c => c.Id))}, {ParallelVms} VM(s) at a time");
                }
                foreach (VmConfiguration planned in KernelSuitePlan.Planned.Append(configuration))
                    Enqueue(planned);
                run = _runs[configuration.Id];
                while (_workers.Count < ParallelVms && _queue.Count > 0)
                {
                    var worker = new Thread(Work) { IsBackground = true, Name = "VM runner " + (_workers.Count + 1) };
                    _workers.Add(worker);
                    worker.Start();
                }
            }
            return run.Task.GetAwaiter().GetResult();
        }

        /// <summary>Writes a line to xunit's diagnostic messages.</summary>
        public void Log(string line) => _sink.OnMessage(new DiagnosticMessage(line));

        /// <summary>Waits for the runs still going (each ends by its VM's deadline at the latest) and prints the summary.</summary>
        public void Dispose()
        {
            Thread[] workers;
            lock (_gate)
                workers = _workers.ToArray();
            foreach (Thread worker in workers)
                worker.Join();
            List<ConfigurationRun> runs;
            lock (_gate)
                runs = _runs.Values.Where(run => run.Task.IsCompletedSuccessfully).Select(run => run.Task.Result).ToList();
            if (runs.Count > 0)
                Log(Summary(runs));
        }

        private void Enqueue(VmConfiguration configuration)
        {
            if (_runs.ContainsKey(configuration.Id))
                return;
            _runs[configuration.Id] = new TaskCompletionSource<ConfigurationRun>(TaskCreationOptions.RunContinuationsAsynchronously);
            _queue.Add(configuration);
        }

        // A worker boots one configuration after another until the queue is empty.
        private void Work()
        {
            while (true)
            {
                VmConfiguration next;
                TaskCompletionSource<ConfigurationRun> run;
                lock (_gate)
                {
                    if (_queue.Count == 0)
                    {
                        _workers.Remove(Thread.CurrentThread); // a later Get may start a new worker
                        return;
                    }
                    next = _queue[0];
                    _queue.RemoveAt(0);
                    run = _runs[next.Id];
                }
                try
                {
                    run.SetResult(ConfigurationRun.Execute(next, Log));
                }
                catch (Exception e)
                {
                    run.SetException(e); // a runner bug: every case of the configuration shows it
                }
            }
        }

        private string Summary(List<ConfigurationRun> runs)
        {
            var text = new StringBuilder();
            text.AppendLine($"In-kernel suite summary: {runs.Count} boots, {ParallelVms} VM(s) at a time, {_clock.Elapsed.TotalSeconds:0.0} s " +
                            $"(test list read in {KernelTestDiscovery.Elapsed.TotalSeconds:0.0} s at discovery)");
            int idWidth = runs.Count == 0 ? 0 : runs.Max(r => r.Configuration.Id.Length);
            foreach (ConfigurationRun run in runs.OrderBy(r => VmConfiguration.Matrix.ToList().IndexOf(r.Configuration)))
            {
                int memoryProblems = run.CheckMemory().Problems.Count;
                string boot = run.BootTime is TimeSpan time ? $"boot {time.TotalSeconds,5:0.0} s" : "no prompt   ";
                text.AppendLine($"  {run.Configuration.Id.PadRight(idWidth)} {boot}  VM {run.VmLifetime.TotalSeconds,5:0.0} s  {run.SuiteLine()};  " +
                                $"memory {(memoryProblems == 0 ? "ok" : memoryProblems + " problem(s)")}");
                foreach (KernelTestResult failure in run.Suite?.Failures ?? Enumerable.Empty<KernelTestResult>())
                    text.AppendLine($"      {failure}");
            }
            return text.ToString().TrimEnd();
        }
    }
}
