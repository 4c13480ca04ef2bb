using System.Runtime.CompilerServices;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Console;
using MyOS.Runtime.Collector;
using MyOS.Shell;

namespace MyOS.Diagnostics.Benchmarks
{
    /// <summary>
    /// The collector's costs (boot option `test=gc-pause`): the pause of a full collection with
    /// 1,000, 10,000 and 100,000 live objects (as many as the VM's heap can hold), and the
    /// allocation rate of a churning workload (small objects, 10,000 of them live) with the
    /// collector doing its normal work. One line each, for docs/performance.md.
    /// </summary>
    public static class CollectorBenchmark
    {
        private sealed class Node
        {
            public Node Next;
            public long Value;
        }

        public static void Run()
        {
            for (int live = 1000; live <= 100_000; live *= 10)
                MeasurePause(live);
            MeasureChurn(1_000_000, 10_000);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void MeasurePause(int live)
        {
            var nodes = new Node[live];
            for (int i = 0; i < live; i++)
                nodes[i] = new Node { Value = i, Next = i > 0 ? nodes[i - 1] : null };
            ulong best = ulong.MaxValue;
            for (int round = 0; round < 5; round++)
            {
                System.GC.Collect();
                ulong pause = GarbageCollector.Statistics.LastPauseMicroseconds;
                if (pause < best)
                    best = pause;
            }
            CollectionStatistics statistics = GarbageCollector.Statistics;
            KernelConsole.WriteLine("gc-pause: " + Format.Decimal((ulong)live) + " live nodes, " + Format.Decimal(statistics.ObjectsAfter)
                + " objects (" + Format.Decimal(statistics.BytesAfter) + " bytes) live: best of 5 pauses " + Format.Decimal(best) + " us");
            System.GC.KeepAlive(nodes);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void MeasureChurn(int allocations, int live)
        {
            var kept = new object[live];
            ulong collectionsBefore = GarbageCollector.Statistics.Collections;
            ulong pausesBefore = GarbageCollector.Statistics.TotalPauseMicroseconds;
            ulong start = Cpu.ReadTimestamp();
            for (int i = 0; i < allocations; i++)
                kept[i % live] = new Node { Value = i };
            ulong microseconds = TimestampCounter.ToMicroseconds(Cpu.ReadTimestamp() - start);
            CollectionStatistics statistics = GarbageCollector.Statistics;
            ulong perSecond = microseconds == 0 ? 0 : (ulong)allocations * 1_000_000 / microseconds;
            KernelConsole.WriteLine("gc-churn: " + Format.Decimal((ulong)allocations) + " allocations of 32-byte objects, "
                + Format.Decimal((ulong)live) + " live: " + Format.Decimal(microseconds) + " us, " + Format.Decimal(perSecond)
                + " allocations/s, " + Format.Decimal(statistics.Collections - collectionsBefore) + " collections taking "
                + Format.Decimal(statistics.TotalPauseMicroseconds - pausesBefore) + " us");
            System.GC.KeepAlive(kept);
        }
    }
}
