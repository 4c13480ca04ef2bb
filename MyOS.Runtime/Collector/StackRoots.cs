using MyOS.Core;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Heap;
using MyOS.Core.Memory.Physical;

namespace MyOS.Runtime.Collector
{
    /// <summary>
    /// Conservative roots: every 8-byte word of the kernel stack, from the collection's stack
    /// pointer (below the callee-saved registers the entry stub pushed) to the stack's top.
    /// A word that points anywhere inside an allocated managed block keeps that block's object,
    /// whether it is a reference, an interior pointer or an integer that happens to look like
    /// one: an object may live longer than needed, never shorter. Candidates inside the heap's
    /// address range are gathered in pages of the collector's own, sorted, and matched against
    /// one address-ordered walk of the heap per batch.
    /// </summary>
    internal static unsafe class StackRoots
    {
        public const ulong Pages = 4;

        private static ulong* s_candidates;
        private static ulong s_capacity;
        private static ulong s_count;

        /// <summary>Takes the candidate buffer's pages; false when the page allocator has none.</summary>
        public static bool Initialize()
        {
            s_candidates = (ulong*)KernelMemory.Pages.AllocateHhdm(Pages, PageOwner.Collector);
            s_capacity = s_candidates == null ? 0 : Pages * PageMath.PageSize / sizeof(ulong);
            return s_candidates != null;
        }

        /// <summary>Marks every heap object a word in [<paramref name="from"/>, <paramref name="to"/>) points into.</summary>
        public static void Scan(ulong* from, ulong* to, HeapAllocator heap)
        {
            s_count = 0;
            for (ulong* word = from; word < to; word++)
            {
                if (!Marker.InHeapRange((void*)*word))
                    continue;
                s_candidates[s_count++] = *word;
                if (s_count == s_capacity)
                    MarkCandidates(heap);
            }
            MarkCandidates(heap);
        }

        /// <summary>Sorts the gathered words and marks the objects of the managed blocks they fall in.</summary>
        private static void MarkCandidates(HeapAllocator heap)
        {
            if (s_count == 0)
                return;
            Sort(s_candidates, s_count);
            ulong next = 0;
            HeapBlockIterator blocks = heap.GetBlocks();
            while (next < s_count && blocks.MoveNext())
            {
                HeapBlockInfo block = blocks.Current;
                ulong start = (ulong)block.Payload - BlockHeader.Size;
                ulong end = start + block.BlockBytes;
                while (next < s_count && s_candidates[next] < start)
                    next++;
                if (next == s_count || s_candidates[next] >= end)
                    continue;
                while (next < s_count && s_candidates[next] < end)
                    next++;
                void* reference = ObjectReferences.FromPayload(block.Payload);
                if (!block.IsFree && block.IsManaged && *(void**)reference != null)
                    Marker.MarkHeapObject(reference);
            }
            s_count = 0;
        }

        /// <summary>
        /// Heap sort in place: O(n log n), no recursion, no memory. (CoreLib's Span sort would
        /// allocate its comparer helper on first use, and nothing may allocate during a collection.)
        /// </summary>
        private static void Sort(ulong* items, ulong count)
        {
            for (ulong i = count / 2; i > 0; i--)
                SiftDown(items, i - 1, count);
            for (ulong end = count - 1; end > 0; end--)
            {
                ulong top = items[0];
                items[0] = items[end];
                items[end] = top;
                SiftDown(items, 0, end);
            }
        }

        private static void SiftDown(ulong* items, ulong root, ulong count)
        {
            while (true)
            {
                ulong child = 2 * root + 1;
                if (child >= count)
                    return;
                if (child + 1 < count && items[child + 1] > items[child])
                    child++;
                if (items[root] >= items[child])
                    return;
                ulong swap = items[root];
                items[root] = items[child];
                items[child] = swap;
                root = child;
            }
        }
    }
}
