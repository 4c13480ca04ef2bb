using System.Runtime;
using MyOS.Core;
using MyOS.Runtime.Allocation;

namespace MyOS.Runtime.Collector
{
    /// <summary>
    /// Objects with finalizers. A new one is registered (the list below); when a collection
    /// finds it unreachable and its finalizer not suppressed, it moves to the ready queue and
    /// is kept alive, with all it references, until its finalizer has run. Finalizers run
    /// outside collections: when the shell is between commands, and in
    /// GC.WaitForPendingFinalizers. Invariants: an object is in the list exactly when its
    /// Registered bit is set; ready objects are roots; both arrays are raw heap blocks.
    /// </summary>
    internal static unsafe class Finalization
    {
        private struct ObjectList
        {
            public void** Items;
            public ulong Count;
            public ulong Capacity;
        }

        private static ObjectList s_registered;
        private static ObjectList s_ready;
        private static bool s_running;

        /// <summary>Finalizers waiting to run.</summary>
        public static ulong PendingCount => s_ready.Count;

        /// <summary>Finalizers run so far.</summary>
        public static ulong RunCount { get; private set; }

        /// <summary>
        /// Registers a new finalizable object (bootstrap and frozen objects never die, so they are
        /// not); false when there is no memory to remember it.
        /// </summary>
        public static bool Register(void* reference)
        {
            if (!Marker.IsCollectable(reference))
                return true;
            if (!Add(ref s_registered, reference))
                return false;
            CollectorBits.Set(reference, CollectorBits.Registered);
            return true;
        }

        [RuntimeExport("RhSuppressFinalize")]
        private static void SuppressFinalize(void* reference)
        {
            if (reference != null)
                CollectorBits.Set(reference, CollectorBits.FinalizerSuppressed);
        }

        /// <summary>GC.ReRegisterForFinalize: lifts a suppression, or registers again an object already finalized.</summary>
        [RuntimeExport("RhReRegisterForFinalize")]
        private static bool ReRegisterForFinalize(void* reference)
        {
            if (reference == null)
                return true;
            CollectorBits.Clear(reference, CollectorBits.FinalizerSuppressed);
            return CollectorBits.Has(reference, CollectorBits.Registered) || Register(reference);
        }

        /// <summary>Marks the ready objects: they must survive until their finalizers have run.</summary>
        public static void MarkReady()
        {
            for (ulong i = 0; i < s_ready.Count; i++)
                Marker.Mark(s_ready.Items[i]);
        }

        /// <summary>
        /// After marking: every registered object that was not marked leaves the list; if its
        /// finalizer is not suppressed it goes to the ready queue and is marked (the caller then
        /// traces from it). Returns how many became ready.
        /// </summary>
        public static ulong QueueUnreachable()
        {
            ulong kept = 0;
            ulong queued = 0;
            for (ulong i = 0; i < s_registered.Count; i++)
            {
                void* reference = s_registered.Items[i];
                if (CollectorBits.Has(reference, CollectorBits.Marked))
                {
                    s_registered.Items[kept++] = reference;
                    continue;
                }
                CollectorBits.Clear(reference, CollectorBits.Registered);
                if (CollectorBits.Has(reference, CollectorBits.FinalizerSuppressed))
                    continue;
                // The ready queue grows ahead of time (EnsureReadyRoom), so this cannot fail.
                s_ready.Items[s_ready.Count++] = reference;
                Marker.MarkHeapObject(reference);
                queued++;
            }
            s_registered.Count = kept;
            return queued;
        }

        /// <summary>
        /// Makes sure the ready queue can take every registered object, before a collection
        /// starts (nothing may allocate during one). False when memory is too short: the
        /// collection then keeps every registered object alive.
        /// </summary>
        public static bool EnsureReadyRoom() => Reserve(ref s_ready, s_ready.Count + s_registered.Count);

        /// <summary>Marks every registered object (the fallback when <see cref="EnsureReadyRoom"/> failed).</summary>
        public static void MarkRegistered()
        {
            for (ulong i = 0; i < s_registered.Count; i++)
                Marker.MarkHeapObject(s_registered.Items[i]);
        }

        /// <summary>Runs the finalizers that are ready, oldest first; not re-entered from a finalizer.</summary>
        public static void RunPending()
        {
            if (s_running)
                return;
            s_running = true;
            ulong next = 0;
            while (next < s_ready.Count)
            {
                void* reference = s_ready.Items[next++];
                // The object is still referenced from the queue, so a collection a finalizer
                // causes keeps it (and whatever it uses) until this one has returned.
                var finalizer = (delegate*<void*, void>)MethodTable.FinalizerCode(*(MethodTable**)reference);
                finalizer(reference);
                RunCount++;
            }
            s_ready.Count = 0;
            s_running = false;
        }

        private static bool Add(ref ObjectList list, void* reference)
        {
            if (!Reserve(ref list, list.Count + 1))
                return false;
            list.Items[list.Count++] = reference;
            return true;
        }

        /// <summary>Grows <paramref name="list"/> to hold at least <paramref name="needed"/> items (doubling).</summary>
        private static bool Reserve(ref ObjectList list, ulong needed)
        {
            if (needed <= list.Capacity)
                return true;
            ulong capacity = list.Capacity == 0 ? 64 : list.Capacity * 2;
            while (capacity < needed)
                capacity *= 2;
            void** items = (void**)KernelMemory.Heap.Allocate(capacity * (ulong)sizeof(void*));
            if (items == null)
                return false;
            for (ulong i = 0; i < list.Count; i++)
                items[i] = list.Items[i];
            if (list.Items != null)
                KernelMemory.Heap.Free((byte*)list.Items);
            list.Items = items;
            list.Capacity = capacity;
            return true;
        }
    }
}
