using MyOS.Core.Console;
using MyOS.Diagnostics.Benchmarks;

namespace MyOS.Shell.Commands
{
    /// <summary>
    /// `bench`: in-kernel allocator benchmarks, each beside its baseline measured in the same
    /// run. `bench exceptions`: the cost of a throw (apart, because its stack traces allocate
    /// and may start a collection, while the allocator rows give every page back).
    /// </summary>
    public sealed class BenchCommand : ShellCommand
    {
        public override string Name => "bench";
        public override string Usage => "bench [exceptions]";
        public override string Summary => "allocator benchmarks in cycles per operation (RDTSC), beside baselines";

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 0, 1))
                return;
            if (count == 2)
            {
                if (words[1] == "exceptions")
                    Throws();
                else
                    Error("unknown benchmark '" + words[1] + "'; expected exceptions");
                return;
            }
            KernelConsole.WriteLine("workload                          ours  baseline  baseline/ours (cycles per alloc+free)");
            Page("pages, 1 page, empty 64 MiB map ", 1, 2000, 2000);
            Page("pages, 8 pages, 50% taken       ", 8, 200, 50);
            Page("pages, 64 pages, 50% taken      ", 64, 200, 20);
            Heap("heap, 4..1000 B, 1000 live      ", 1000, 5000, 500);
            Heap("heap, 4..1000 B, 10000 live     ", 10000, 5000, 200);
        }

        private static void Throws()
        {
            KernelConsole.WriteLine("throw, caught 1 frame up: " + Format.Decimal(ExceptionBenchmark.Measure(1, 200)) + " cycles per throw");
            KernelConsole.WriteLine("throw, caught 10 frames up: " + Format.Decimal(ExceptionBenchmark.Measure(10, 200)) + " cycles per throw");
        }

        private static void Page(string label, ulong pages, int rounds, int baselineRounds) =>
            Row(label, PageAllocatorBenchmark.Measure(false, pages, rounds), PageAllocatorBenchmark.Measure(true, pages, baselineRounds));

        private static void Heap(string label, int live, int rounds, int baselineRounds) =>
            Row(label, HeapBenchmark.Measure(false, live, rounds), HeapBenchmark.Measure(true, live, baselineRounds));

        private static void Row(string label, ulong ours, ulong baseline)
        {
            KernelConsole.Write(label + Pad(Format.Decimal(ours)) + Pad(Format.Decimal(baseline)));
            if (ours == 0)
            {
                KernelConsole.WriteLine("  (no result: out of memory)");
                return;
            }
            ulong tenths = baseline * 10 / ours;
            KernelConsole.WriteLine("  x" + Format.Decimal(tenths / 10) + "." + Format.Decimal(tenths % 10));
        }

        private static string Pad(string text)
        {
            while (text.Length < 9)
                text = " " + text;
            return text;
        }
    }
}
