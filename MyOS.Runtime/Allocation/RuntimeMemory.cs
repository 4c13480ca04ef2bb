using System.Runtime;
using System.Runtime.CompilerServices;
using MyOS.Core;
using MyOS.Core.Diagnostics;
using MyOS.Core.Memory.Heap;
using MyOS.Runtime.Collector;

namespace MyOS.Runtime.Allocation
{
    /// <summary>
    /// Where the runtime's memory comes from: the bootstrap heap until the kernel heap is up
    /// (KernelMemory.Heap), the kernel heap after. Object memory is marked as managed in the
    /// heap (the shell's `free` refuses it, the collector sweeps it; allocation asks the
    /// collector first, which in turn reads objects through Allocation's MethodTable and
    /// BootstrapHeap); the runtime's own tables
    /// (type managers, handle slots, dispatch caches) are raw blocks that live for the whole run.
    /// </summary>
    internal static unsafe class RuntimeMemory
    {
        /// <summary>
        /// Whether CoreLib has initialised the modules' statics: before that, reading any static
        /// of reference type (KernelMemory.Heap among them) would read an uninitialised slot.
        /// </summary>
        private static bool s_staticsReady;

        /// <summary>Called by Native/Startup.asm once InitializeModules has returned.</summary>
        [RuntimeExport("MyOSRuntimeStaticsReady")]
        private static void StaticsReady() => s_staticsReady = true;

        /// <summary>True once objects come from the kernel heap: <see cref="Heap"/> is read until then only.</summary>
        private static bool s_heapUp;

        /// <summary>The kernel heap, or null while objects still come from the bootstrap heap.</summary>
        private static HeapAllocator Heap => s_staticsReady ? KernelHeap() : null;

        /// <summary>
        /// Reads KernelMemory.Heap in a call of its own: inlined, the compiler would load the
        /// statics base before testing <see cref="s_staticsReady"/> (a load it thinks is safe).
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static HeapAllocator KernelHeap() => KernelMemory.Heap;

        /// <summary>
        /// <paramref name="bytes"/> (rounded up to 8) zeroed, 8-byte aligned bytes for an object, or null when
        /// memory is exhausted even after a collection. The collector decides first whether it
        /// is time to collect; when the heap has no room it collects and the allocation is tried again.
        /// </summary>
        internal static void* AllocateObject(nuint bytes)
        {
            if (!s_heapUp)
            {
                if (Heap == null)
                    return BootstrapHeap.AllocateObject(bytes);
                s_heapUp = true;
            }
            GarbageCollector.BeforeAllocation(bytes);
            void* memory = KernelMemory.AllocateManaged(bytes);
            if (memory == null && GarbageCollector.CollectForLowMemory())
                memory = KernelMemory.AllocateManaged(bytes);
            return memory;
        }

        /// <summary>Zeroed bytes for the runtime's own tables; running out of memory here is fatal.</summary>
        internal static void* AllocateRaw(nuint bytes)
        {
            HeapAllocator heap = Heap;
            void* memory = heap != null
                ? heap.AllocateZeroed(bytes, 8, false)
                : BootstrapHeap.AllocateRaw(bytes);
            if (memory == null)
                Panic.OnRuntimeError("OutOfMemoryException", "no memory left for the runtime's own tables");
            return memory;
        }

        /// <summary>Gives back a block from <see cref="AllocateRaw"/>; bootstrap memory is never given back.</summary>
        internal static void FreeRaw(void* memory)
        {
            if (memory != null && !BootstrapHeap.Contains(memory))
                KernelMemory.Heap.Free((byte*)memory);
        }
    }
}
