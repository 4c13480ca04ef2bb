using System;
using System.Runtime.CompilerServices;
using MyOS.Runtime.Collector;

namespace MyOS.Diagnostics.Tests.GarbageCollection
{
    /// <summary>
    /// Finalizers: unreachable objects with a finalizer have it run (GC.WaitForPendingFinalizers
    /// runs them at once; there is no finalizer thread), suppressed ones do not, a re-registered
    /// one runs again, and the GC class reports what happened (CollectionCount, GetTotalMemory,
    /// GetGCMemoryInfo, MaxGeneration) and keeps collections off inside a no-GC region.
    /// </summary>
    public sealed class FinalizersTest : KernelTest
    {
        public override string Name => "gc.finalizers";

        private const int Count = 64;

        private static int s_finalized;
        private static int s_suppressedFinalized;
        /// <summary>Where resurrected objects come back to: slots are cleared one by one (dropping the whole array would leave them all to one stale stack word).</summary>
        private static readonly Resurrecting[] s_resurrected = new Resurrecting[Count];
        private static int s_resurrectedCount;
        private static int s_secondRuns;

        private sealed class Finalizable
        {
            ~Finalizable() => s_finalized++;
        }

        private sealed class Suppressed
        {
            public Suppressed() => GC.SuppressFinalize(this);

            ~Suppressed() => s_suppressedFinalized++;
        }

        /// <summary>Comes back to life in its first finalizer and asks to be finalized again.</summary>
        private sealed class Resurrecting
        {
            public int Runs;

            ~Resurrecting()
            {
                if (++Runs == 1)
                {
                    s_resurrected[s_resurrectedCount++] = this;
                    GC.ReRegisterForFinalize(this);
                }
                else
                {
                    s_secondRuns++;
                }
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void MakeGarbage()
        {
            for (int i = 0; i < Count; i++)
            {
                _ = new Finalizable();
                _ = new Suppressed();
            }
            for (int i = 0; i < Count; i++)
                _ = new Resurrecting();
        }

        /// <summary>In a frame of its own, so that no stale word of Execute's frame keeps a resurrected object alive.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static bool EachRanOnce()
        {
            for (int i = 0; i < s_resurrectedCount; i++)
            {
                if (s_resurrected[i].Runs != 1)
                    return false;
            }

            return true;
        }

        /// <summary>GC.TryStartNoGCRegion holds collections off (gcstress too; only a full heap would force one) until EndNoGCRegion.</summary>
        private void CheckNoGCRegion()
        {
            Check(GC.TryStartNoGCRegion(1024 * 1024), "TryStartNoGCRegion refused");
            ulong collections = GarbageCollector.Statistics.Collections;
            int total = 0;
            for (int i = 0; i < 2000; i++)
                total += new byte[200].Length;   // 450 KB: more than the smallest budget
            Check(GarbageCollector.Statistics.Collections == collections, "a collection ran inside a no-GC region");
            // EndNoGCRegion would throw (a panic until issue 14) had a collection run or 1 MiB been passed.
            GC.EndNoGCRegion();
            Check(total == 400_000, "allocations inside the region");
        }

        protected override void Execute()
        {
            int collections = GC.CollectionCount(0);
            s_finalized = 0;
            s_suppressedFinalized = 0;
            s_secondRuns = 0;
            s_resurrectedCount = 0;
            MakeGarbage();
            Check(CollectorChecks.CollectAndCheckHeap(), "a collection did not run, or the heap check failed after it");
            GC.WaitForPendingFinalizers();
            Check(s_finalized >= Count - 4, "finalizers of unreachable objects did not run");
            Check(s_suppressedFinalized == 0, "a suppressed finalizer ran");
            Check(s_resurrectedCount >= Count - 4 && s_secondRuns == 0, "resurrecting finalizers did not run once each");
            Check(EachRanOnce(), "a resurrected object's finalizer ran more than once");
            int resurrectedCount = s_resurrectedCount;
            Array.Clear(s_resurrected);
            Check(CollectorChecks.CollectAndCheckHeap(), "a collection after resurrection");
            GC.WaitForPendingFinalizers();
            Check(s_secondRuns >= resurrectedCount - 4, "re-registered finalizers did not run a second time: " + s_secondRuns + " of " + resurrectedCount + ", " + s_resurrectedCount);
            Check(GC.CollectionCount(0) >= collections + 2 && GC.MaxGeneration == 0, "GC.CollectionCount / MaxGeneration");
            GCMemoryInfo info = GC.GetGCMemoryInfo();
            CollectionStatistics statistics = GarbageCollector.Statistics;
            Check(info.Index == (long)statistics.Collections && info.HeapSizeBytes == (long)statistics.BytesAfter, "GC.GetGCMemoryInfo");
            Check(GC.GetTotalMemory(false) >= (long)statistics.BytesAfter, "GC.GetTotalMemory");
            CheckNoGCRegion();
        }
    }
}
