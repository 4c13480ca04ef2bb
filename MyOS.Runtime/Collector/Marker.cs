using MyOS.Core;
using MyOS.Core.Memory.Heap;
using MyOS.Runtime.Allocation;

namespace MyOS.Runtime.Collector
{
    /// <summary>
    /// The mark phase's core: marks kernel-heap objects and traces what they reference, through
    /// an explicit <see cref="MarkStack"/> (never recursion). Only objects in managed blocks of
    /// the kernel heap are marked; bootstrap and frozen objects are roots the collector traces
    /// every time instead. Invariant after <see cref="Drain"/>: every object reachable from a
    /// marked object is marked.
    /// </summary>
    internal static unsafe class Marker
    {
        /// <summary>Lowest and highest addresses of the heap's regions in this collection.</summary>
        private static byte* s_heapLow;
        private static byte* s_heapHigh;

        /// <summary>Objects marked in this collection.</summary>
        public static ulong MarkedObjects { get; private set; }

        /// <summary>Prepares for a collection of <paramref name="heap"/>.</summary>
        public static void Begin(HeapAllocator heap)
        {
            heap.GetAddressRange(out s_heapLow, out s_heapHigh);
            MarkedObjects = 0;
            MarkStack.ClearOverflow();
        }

        /// <summary>True when <paramref name="address"/> lies between the heap's lowest and highest region bytes.</summary>
        public static bool InHeapRange(void* address) => address >= s_heapLow && address < s_heapHigh;

        /// <summary>True when <paramref name="reference"/> is an object in a managed block of the kernel heap.</summary>
        public static bool IsHeapObject(void* reference)
        {
            if (!InHeapRange(reference) || ((ulong)reference & 7) != 0 || FrozenSegments.Contains(reference))
                return false;
            BlockHeader* block = (BlockHeader*)((byte*)reference - ObjectReferences.HeaderSize - BlockHeader.Size);
            return BlockHeader.IsIntact(block) && !block->IsFree && block->IsManaged;
        }

        /// <summary>True when <paramref name="reference"/> is an object a collection could free (not a bootstrap or frozen one). Valid at any time.</summary>
        public static bool IsCollectable(void* reference) =>
            !BootstrapHeap.Contains(reference) && !FrozenSegments.Contains(reference);

        /// <summary>True when the object survives this collection so far: marked, or not in the heap at all.</summary>
        public static bool IsAlive(void* reference) =>
            !IsHeapObject(reference) || CollectorBits.Has(reference, CollectorBits.Marked);

        /// <summary>Marks a heap object reached through a reference (null and non-heap objects are ignored).</summary>
        public static void Mark(void* reference)
        {
            if (reference == null || !IsHeapObject(reference))
                return;
            MarkHeapObject(reference);
        }

        /// <summary>Marks an object known to be in the heap (a conservative root found through the heap walk).</summary>
        public static void MarkHeapObject(void* reference)
        {
            if (CollectorBits.Has(reference, CollectorBits.Marked))
                return;
            CollectorBits.Set(reference, CollectorBits.Marked);
            MarkedObjects++;
            MarkStack.Push(reference);
        }

        /// <summary>Traces until every object reachable from the marked ones is marked, rescanning after an overflow.</summary>
        public static void Drain(HeapAllocator heap)
        {
            while (true)
            {
                void* reference;
                while ((reference = MarkStack.Pop()) != null)
                    ObjectReferences.MarkChildren(reference);
                if (!MarkStack.Overflowed)
                    return;
                // Some marked objects were never pushed: trace every marked object again
                // (their marked children are skipped, so only the lost work is redone).
                MarkStack.ClearOverflow();
                HeapBlockIterator blocks = heap.GetBlocks();
                while (blocks.MoveNext())
                {
                    HeapBlockInfo block = blocks.Current;
                    if (block.IsFree || !block.IsManaged)
                        continue;
                    void* candidate = ObjectReferences.FromPayload(block.Payload);
                    if (*(void**)candidate != null && CollectorBits.Has(candidate, CollectorBits.Marked))
                    {
                        ObjectReferences.MarkChildren(candidate);
                        while ((reference = MarkStack.Pop()) != null)
                            ObjectReferences.MarkChildren(reference);
                    }
                }
            }
        }
    }
}
