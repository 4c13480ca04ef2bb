using System.Runtime;

namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>
    /// Reference stores. Compiled code calls these for every store of an object reference into
    /// the heap so a generational GC could track them; MyOS has no such GC yet, so each is a
    /// plain store. (RhpByRefAssignRef copies [rsi] to [rdi] and advances both, which needs
    /// assembly: it lives in the boot stub.)
    /// </summary>
    internal static unsafe partial class StartupCodeHelpers
    {
        [RuntimeExport("RhpAssignRef")]
        private static void RhpAssignRef(void** destination, void* reference) => *destination = reference;

        [RuntimeExport("RhpCheckedAssignRef")]
        private static void RhpCheckedAssignRef(void** destination, void* reference) => *destination = reference;

        [RuntimeExport("RhpCheckedLockCmpXchg")]
        private static void* RhpCheckedLockCmpXchg(void** destination, void* value, void* comparand)
        {
            // One CPU, no preemption inside managed code: compare-and-swap needs no lock prefix.
            void* original = *destination;
            if (original == comparand)
                *destination = value;
            return original;
        }

        [RuntimeExport("RhpCheckedXchg")]
        private static void* RhpCheckedXchg(void** destination, void* value)
        {
            void* original = *destination;
            *destination = value;
            return original;
        }
    }
}
