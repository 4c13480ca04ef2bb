using MyOS.Core;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Physical;

namespace MyOS.Runtime.Collector
{
    /// <summary>
    /// Objects marked but not yet traced, in pages owned by the collector (taken once at start,
    /// so a collection never needs memory). When it is full, a marked object is simply not
    /// pushed and <see cref="Overflowed"/> is set: the mark phase then rescans the heap for
    /// marked objects and traces them again, so overflow costs time, never correctness, and
    /// marking never recurses. Invariant: 0 &lt;= s_count &lt;= s_capacity.
    /// </summary>
    internal static unsafe class MarkStack
    {
        public const ulong Pages = 8;

        private static void** s_entries;
        private static ulong s_capacity;
        private static ulong s_count;

        /// <summary>True when a push found the stack full since the last <see cref="ClearOverflow"/>.</summary>
        public static bool Overflowed { get; private set; }

        /// <summary>Takes the stack's pages; false when the page allocator has none.</summary>
        public static bool Initialize()
        {
            s_entries = (void**)KernelMemory.Pages.AllocateHhdm(Pages, PageOwner.Collector);
            s_capacity = s_entries == null ? 0 : Pages * PageMath.PageSize / (ulong)sizeof(void*);
            return s_entries != null;
        }

        public static void Push(void* reference)
        {
            if (s_count == s_capacity)
            {
                Overflowed = true;
                return;
            }
            s_entries[s_count++] = reference;
        }

        /// <summary>The most recently pushed object, or null when the stack is empty.</summary>
        public static void* Pop() => s_count == 0 ? null : s_entries[--s_count];

        public static void ClearOverflow() => Overflowed = false;
    }
}
