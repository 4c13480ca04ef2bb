using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using MyOS.Tests.VirtualMachines;

namespace MyOS.Tools.Performance
{
    /// <summary>
    /// The garbage collector's costs, measured inside the kernel: one QEMU boot with the boot
    /// option test=gc-pause (MyOS/Diagnostics/Benchmarks/CollectorBenchmark.cs), which prints the
    /// pause of a full collection at 1,000 / 10,000 / 100,000 live objects and a churning
    /// workload's allocation rate; this reads those lines.
    /// </summary>
    public static class CollectorMeasurement
    {
        /// <summary>One pause line: live objects and bytes after the collection, best of five pauses.</summary>
        public sealed record Pause(long LiveNodes, long LiveObjects, long LiveBytes, long Microseconds);

        /// <summary>The churn line: allocations, live set, time, rate, collections and their time.</summary>
        public sealed record Churn(long Allocations, long Live, long Microseconds, long PerSecond, long Collections, long CollectionMicroseconds);

        /// <summary>What the boot gave; Error says why when it failed.</summary>
        public sealed record Result(int MemoryMiB, List<Pause> Pauses, Churn Churn, string Output, string Error);

        private static readonly Regex s_pause = new Regex(
            @"gc-pause: (\d+) live nodes, (\d+) objects \((\d+) bytes\) live: best of 5 pauses (\d+) us");
        private static readonly Regex s_churn = new Regex(
            @"gc-churn: (\d+) allocations of 32-byte objects, (\d+) live: (\d+) us, (\d+) allocations/s, (\d+) collections taking (\d+) us");

        /// <summary>Boots <paramref name="iso"/> with test=gc-pause on QEMU and reads its lines.</summary>
        public static Result Run(string iso, int memoryMiB)
        {
            var options = new VirtualMachineOptions
            {
                Kind = VirtualMachineKind.Qemu,
                IsoPath = iso,
                MemoryMiB = memoryMiB,
                KernelArguments = "test=gc-pause",
                Deadline = TimeSpan.FromMinutes(6),
                Log = Console.WriteLine,
            };
            try
            {
                using VirtualMachine vm = VirtualMachine.Start(options);
                string output = vm.Serial.WaitFor("gc-churn:", TimeSpan.FromMinutes(5)) + vm.Serial.WaitFor("\n", TimeSpan.FromSeconds(10));
                return Parse(output, memoryMiB);
            }
            catch (Exception e)
            {
                Console.WriteLine($"collector benchmark: {e.Message}");
                return new Result(memoryMiB, new List<Pause>(), null, null, e.Message.Split('\n')[0]);
            }
        }

        /// <summary>The pause and churn lines of the kernel's output.</summary>
        public static Result Parse(string output, int memoryMiB)
        {
            List<Pause> pauses = s_pause.Matches(output)
                .Select(m => new Pause(Number(m, 1), Number(m, 2), Number(m, 3), Number(m, 4))).ToList();
            Match churn = s_churn.Match(output);
            return new Result(memoryMiB, pauses,
                churn.Success ? new Churn(Number(churn, 1), Number(churn, 2), Number(churn, 3), Number(churn, 4), Number(churn, 5), Number(churn, 6)) : null,
                output, pauses.Count == 0 ? "no gc-pause lines in the output" : null);
        }

        private static long Number(Match match, int group) => long.Parse(match.Groups[group].Value);
    }
}
