using System.Runtime;
using System.Runtime.InteropServices;
using MyOS.Core;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Boot;
using MyOS.Core.Console;
using MyOS.Core.Diagnostics;
using MyOS.Core.Memory.Heap;
using MyOS.Runtime.Allocation;
using MyOS.Runtime.Handles;

namespace MyOS.Runtime.Collector
{
    /// <summary>
    /// MyOS's garbage collector: non-moving, stop-the-world mark and sweep over the kernel heap.
    /// Roots are the kernel stack (conservatively, every word), GC handles, objects waiting
    /// for their finalizers, and the objects that are never freed (the bootstrap heap, where
    /// the statics live, and frozen segments), traced precisely through GC descriptors. The
    /// sweep frees every unmarked managed block through the heap's own free path.
    /// A collection runs when the bytes allocated since the last one pass a budget that grows
    /// with the live set, when the heap is out of memory (then the allocation is retried), on
    /// GC.Collect and the shell's `gc`, and under `gcstress=N` at every N-th allocation;
    /// never inside an interrupt handler (interrupts are off there) or inside a collection.
    /// Invariant: outside <see cref="Run"/> no object is marked.
    /// </summary>
    public static unsafe class GarbageCollector
    {
        /// <summary>The smallest allocation budget between two collections.</summary>
        private const ulong MinimumBudgetBytes = 256 * 1024;

        private static bool s_started;
        private static bool s_collecting;
        private static ulong s_stressInterval;
        private static ulong s_allocationsToStress;
        private static ulong s_budget;
        private static CollectionStatistics s_statistics;
        private static NoGCRegionState s_noGCRegion;

        private struct NoGCRegionState
        {
            public bool Active;
            public bool CollectedInside;
            public ulong AllowedBytes;
            public ulong AllocatedBytes;
        }

        /// <summary>
        /// Turns the collector on once the kernel heap is up. The boot option gcstress=N collects
        /// at every N-th allocation (0: off). Without pages for its own buffers the collector stays
        /// off, and says so.
        /// </summary>
        public static void Start(KernelCommandLine options)
        {
            if (s_started || KernelMemory.Heap == null)
                return;
            TimestampCounter.Start();
            if (options != null && options.TryGetNumber("gcstress", out ulong interval))
                s_stressInterval = interval;
            s_allocationsToStress = s_stressInterval;
            if (!MarkStack.Initialize() || !StackRoots.Initialize())
            {
                KernelConsole.WriteLine("warning: no pages for the garbage collector's buffers; objects will not be reclaimed");
                return;
            }
            s_budget = MinimumBudgetBytes;
            s_started = true;
        }

        /// <summary>The gcstress interval (0: off).</summary>
        public static ulong StressInterval => s_stressInterval;

        /// <summary>What the collector has done so far.</summary>
        public static CollectionStatistics Statistics
        {
            get
            {
                CollectionStatistics statistics = s_statistics;
                statistics.PendingFinalizers = Finalization.PendingCount;
                statistics.FinalizersRun = Finalization.RunCount;
                return statistics;
            }
        }

        /// <summary>Runs a full collection now; false when it cannot run here (not started, inside an interrupt handler or a collection).</summary>
        public static bool Collect() => TryCollect();

        /// <summary>Runs the finalizers of objects found dead so far (the shell calls this between commands).</summary>
        public static void RunPendingFinalizers() => Finalization.RunPending();

        /// <summary>Called before each object allocation from the kernel heap: counts it and collects when it is time.</summary>
        internal static void BeforeAllocation(nuint bytes)
        {
            s_statistics.AllocatedSinceLast += bytes;
            if (!s_started)
                return;
            if (s_noGCRegion.Active)
            {
                s_noGCRegion.AllocatedBytes += bytes;
                return;
            }
            if (s_stressInterval != 0 && --s_allocationsToStress == 0)
            {
                s_allocationsToStress = s_stressInterval;
                TryCollect();
            }
            else if (s_statistics.AllocatedSinceLast >= s_budget)
            {
                TryCollect();
            }
        }

        /// <summary>The heap could not serve an object: collect so the caller can retry. False when no collection ran.</summary>
        internal static bool CollectForLowMemory()
        {
            if (s_noGCRegion.Active)
                s_noGCRegion.CollectedInside = true;
            return TryCollect();
        }

        private static bool TryCollect()
        {
            if (!s_started || s_collecting || !Cpu.InterruptsEnabled)
                return false;
            CollectWithRegistersOnStack();
            return true;
        }

        /// <summary>
        /// Native/Collector.asm: pushes the callee-saved registers (they may hold the only
        /// reference to an object) and calls <see cref="Run"/> with the stack pointer below them.
        /// </summary>
        [DllImport("*", EntryPoint = "collector_collect"), SuppressGCTransition]
        private static extern void CollectWithRegistersOnStack();

        [RuntimeExport("MyOSCollectorRun")]
        private static void Run(ulong* stackPointer)
        {
            s_collecting = true;
            ulong startCycles = Cpu.ReadTimestamp();
            HeapAllocator heap = KernelMemory.Heap;
            bool finalizerRoom = Finalization.EnsureReadyRoom();

            Marker.Begin(heap);
            Cpu.GetStackBounds(out ulong stackBottom, out ulong stackTop);
            if ((ulong)stackPointer < stackBottom || (ulong)stackPointer >= stackTop)
                Panic.Fail("garbage collector: the stack pointer is outside the kernel stack");
            StackRoots.Scan(stackPointer, (ulong*)stackTop, heap);
            HandleTable.MarkStrongTargets();
            Finalization.MarkReady();
            if (!finalizerRoom)
                Finalization.MarkRegistered();
            ObjectReferences.MarkChildrenOfEach(BootstrapHeap.FirstObject, BootstrapHeap.ObjectsEnd);   // the statics live there
            FrozenSegments.MarkFromObjects();
            MarkUntilStable(heap);

            HandleTable.ClearDead(HandleSlot.Weak);
            if (Finalization.QueueUnreachable() != 0)
                MarkUntilStable(heap);
            HandleTable.ClearDead(HandleSlot.WeakTrackResurrection);

            SweepDecision sweep = default;
            if (!heap.SweepManagedBlocks(ref sweep, out _, out _))
                Panic.Fail("garbage collector: a heap block header is damaged (run `heap check`)");

            ulong pause = TimestampCounter.ToMicroseconds(Cpu.ReadTimestamp() - startCycles);
            s_statistics.Collections++;
            s_statistics.ObjectsBefore = sweep.Objects;
            s_statistics.BytesBefore = sweep.Bytes;
            s_statistics.ObjectsAfter = sweep.LiveObjects;
            s_statistics.BytesAfter = sweep.LiveBytes;
            s_statistics.TotalFreedObjects += sweep.Objects - sweep.LiveObjects;
            s_statistics.TotalFreedBytes += sweep.Bytes - sweep.LiveBytes;
            s_statistics.LastPauseMicroseconds = pause;
            s_statistics.TotalPauseMicroseconds += pause;
            if (pause > s_statistics.LongestPauseMicroseconds)
                s_statistics.LongestPauseMicroseconds = pause;
            s_statistics.AllocatedSinceLast = 0;
            s_budget = sweep.LiveBytes > MinimumBudgetBytes ? sweep.LiveBytes : MinimumBudgetBytes;
            s_collecting = false;
        }

        /// <summary>Traces, then lets dependent handles mark their secondaries, until nothing new is marked.</summary>
        private static void MarkUntilStable(HeapAllocator heap)
        {
            do
                Marker.Drain(heap);
            while (HandleTable.MarkDependentSecondaries());
        }

        /// <summary>The sweep's answer for each managed block: marked objects survive (and lose the mark).</summary>
        private struct SweepDecision : ISweepDecision
        {
            public ulong Objects;
            public ulong Bytes;
            public ulong LiveObjects;
            public ulong LiveBytes;

            public bool Survives(byte* payload)
            {
                void* reference = ObjectReferences.FromPayload(payload);
                ulong bytes = BlockHeader.FromPayload(payload)->SizeBytes;
                Objects++;
                Bytes += bytes;
                if (!CollectorBits.Has(reference, CollectorBits.Marked))
                    return false;
                CollectorBits.Clear(reference, CollectorBits.Marked);
                LiveObjects++;
                LiveBytes += bytes;
                return true;
            }
        }

        // The GC class's no-GC regions (GC.TryStartNoGCRegion / EndNoGCRegion).

        /// <summary>Status codes as CoreLib's StartNoGCRegionStatus: 0 succeeded, 3 already in progress.</summary>
        internal static int StartNoGCRegion(long totalSize)
        {
            if (s_noGCRegion.Active)
                return 3;
            TryCollect();
            s_noGCRegion = default;
            s_noGCRegion.Active = true;
            s_noGCRegion.AllowedBytes = (ulong)totalSize;
            return 0;
        }

        /// <summary>Status codes as CoreLib's EndNoGCRegionStatus: 0 succeeded, 1 not in progress, 2 a collection happened, 3 more allocated than asked for.</summary>
        internal static int EndNoGCRegion()
        {
            if (!s_noGCRegion.Active)
                return 1;
            NoGCRegionState region = s_noGCRegion;
            s_noGCRegion = default;
            if (region.CollectedInside)
                return 2;
            return region.AllocatedBytes > region.AllowedBytes ? 3 : 0;
        }
    }
}
