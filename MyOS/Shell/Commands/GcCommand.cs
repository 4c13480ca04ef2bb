using MyOS.Core.Console;
using MyOS.Runtime.Collector;

namespace MyOS.Shell.Commands
{
    /// <summary>`gc`: runs a garbage collection now and shows what it found and how long it took.</summary>
    public sealed class GcCommand : ShellCommand
    {
        public override string Name => "gc";
        public override string Usage => "gc";
        public override string Summary => "collect garbage now: objects before and after, pause";

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 0, 0))
                return;
            if (!GarbageCollector.Collect())
            {
                Error("the garbage collector is not running (no pages for its buffers at boot)");
                return;
            }
            CollectionStatistics statistics = GarbageCollector.Statistics;
            KernelConsole.WriteLine("before: " + Objects(statistics.ObjectsBefore, statistics.BytesBefore));
            KernelConsole.WriteLine("after:  " + Objects(statistics.ObjectsAfter, statistics.BytesAfter));
            KernelConsole.WriteLine("freed:  " + Objects(statistics.ObjectsBefore - statistics.ObjectsAfter, statistics.BytesBefore - statistics.BytesAfter));
            KernelConsole.WriteLine("pause:  " + Format.Decimal(statistics.LastPauseMicroseconds) + " us (collection " + Format.Decimal(statistics.Collections) + ")");
        }

        private static string Objects(ulong objects, ulong bytes) =>
            Format.Decimal(objects) + " objects, " + Format.Decimal(bytes) + " bytes";
    }
}
