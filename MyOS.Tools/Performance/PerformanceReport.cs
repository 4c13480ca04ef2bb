using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using MyOS.Tests.VirtualMachines;

namespace MyOS.Tools.Performance
{
    /// <summary>
    /// `performance-report`: measures everything (host benchmarks, heap efficiency, the kernel's
    /// `bench` and boot times in VMs), keeps the raw data in artifacts/performance/, and rewrites
    /// the generated sections of docs/performance.md and the plots in docs/plots. With
    /// --render-only it rewrites the page from the last run's data without measuring.
    /// </summary>
    public static class PerformanceReport
    {
        /// <summary>RAM of the report's VMs.</summary>
        private const int VmMemoryMiB = 512;

        private static readonly JsonSerializerOptions s_json = new JsonSerializerOptions { WriteIndented = true };

        /// <summary>Runs the report; returns the exit status.</summary>
        public static int Run(string root, bool renderOnly)
        {
            string data = Path.Combine(root, "artifacts", "performance");
            try
            {
                if (!renderOnly)
                    Measure(root, data);
                Render(root, data);
                return 0;
            }
            catch (StepFailedException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return 1;
            }
        }

        private static void Measure(string root, string data)
        {
            if (Directory.Exists(data))
                Directory.Delete(data, recursive: true);
            Directory.CreateDirectory(data);
            DateTime started = DateTime.UtcNow;
            string loadBefore = MachineInfo.LoadAverage();
            string benchmarks = Path.Combine(root, "MyOS.Benchmarks", "MyOS.Benchmarks.csproj");

            Step("host benchmarks (build)", "benchmarks-build", data, "dotnet", "build", "-c", "Release", benchmarks, "-nologo", "-v", "q");
            Step("heap efficiency at first failure, placement against linear first fit", "efficiency", data,
                "dotnet", "run", "-c", "Release", "--no-build", "--project", benchmarks, "--", "--efficiency", Path.Combine(data, "efficiency.json"));
            // Every benchmark class there is: a new one shows up in "Other benchmarks" from its first run.
            Step("host benchmarks (run)", "benchmarks", data,
                "dotnet", "run", "-c", "Release", "--no-build", "--project", benchmarks, "--", "--filter", "*", "--artifacts", Path.Combine(data, "bdn"));
            string loadAfter = MachineInfo.LoadAverage();

            Step("kernel (build)", "kernel-build", data, "dotnet", "build", Path.Combine(root, "MyOS", "MyOS.csproj"), "-nologo", "-v", "q");
            Console.WriteLine("== VMs: QEMU boot time and bench; Bochs, QEMU q35, OVMF boot times");
            List<VmMeasurement.Result> vms = VmMeasurement.Run(RepositoryLocator.RequireKernelIso(), VmMemoryMiB);
            File.WriteAllText(Path.Combine(data, "vm.json"), JsonSerializer.Serialize(vms, s_json));
            File.WriteAllText(Path.Combine(data, "machine.json"),
                JsonSerializer.Serialize(MachineInfo.Collect(loadBefore, loadAfter, started), s_json));
        }

        private static void Render(string root, string data)
        {
            var report = new ReportData(
                BenchmarkResults.Load(Path.Combine(data, "bdn")),
                EfficiencyResults.Load(Path.Combine(data, "efficiency.json")),
                Read<List<VmMeasurement.Result>>(Path.Combine(data, "vm.json")) ?? new List<VmMeasurement.Result>(),
                Read<MachineInfo>(Path.Combine(data, "machine.json")));
            string docs = Path.Combine(root, "docs");
            string plots = Path.Combine(docs, "plots");
            Directory.CreateDirectory(plots);

            // In page order; "other-benchmarks" last of all, as it shows what the others did not.
            var sections = new List<(string Name, string Text)>
            {
                ("introduction", SummarySections.Introduction(report)),
                ("machine", SummarySections.Machine(report)),
                ("targets", TargetsSection.Write(report)),
                ("page-allocator", PageAllocatorSection.Write(report, plots)),
                ("heap", HeapSection.Write(report, plots)),
                ("kernel-bench", KernelBenchSection.Write(report)),
                ("boot-time", BootTimeSection.Write(report)),
            };
            sections.Insert(sections.FindIndex(s => s.Name == "kernel-bench"), ("other-benchmarks", OtherBenchmarksSection.Write(report)));

            string page = Path.Combine(docs, "performance.md");
            string old = File.Exists(page) ? File.ReadAllText(page) : "# Performance\n";
            File.WriteAllText(page, GeneratedSections.Replace(old, sections));
            Console.WriteLine($"wrote {page} and {plots}/*.png");
            foreach (TargetsSection.Verdict v in TargetsSection.Judge(report))
                Console.WriteLine($"  {v.Outcome,-9} {v.What}: {v.Goal}: {v.Measured}");
        }

        // One measuring step: a program run to completion, its output kept in the data folder.
        private static void Step(string title, string logName, string data, string program, params string[] arguments)
        {
            Console.WriteLine("== " + title);
            string log = Path.Combine(data, logName + ".log");
            Stopwatch clock = Stopwatch.StartNew();
            try
            {
                File.WriteAllText(log, ExternalCommand.Run(program, arguments, TimeSpan.FromMinutes(90)));
            }
            catch (Exception e) when (e is InvalidOperationException || e is TimeoutException)
            {
                File.WriteAllText(log, e.Message);
                string[] tail = e.Message.Split('\n').TakeLast(40).ToArray();
                throw new StepFailedException($"{title} failed (whole output: {log}):\n{string.Join("\n", tail)}");
            }
            Console.WriteLine($"   {clock.Elapsed.TotalMinutes:0.0} min (output: {log})");
        }

        private static T Read<T>(string path) where T : class =>
            File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path)) : null;

        /// <summary>A measuring step that failed; its message says which, with the end of its output.</summary>
        private sealed class StepFailedException : Exception
        {
            public StepFailedException(string message) : base(message) { }
        }
    }
}
