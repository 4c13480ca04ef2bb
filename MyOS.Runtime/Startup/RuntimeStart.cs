using System.Runtime;
using MyOS.Runtime.Allocation;

namespace MyOS.Runtime.Startup
{
    /// <summary>
    /// The runtime's first step, called by Native/Startup.asm before CoreLib's InitializeModules:
    /// only static fields of plain types may be touched here, since no object can exist yet.
    /// </summary>
    internal static unsafe class RuntimeStart
    {
        /// <summary>Takes the boot stub's bootstrap heap, where objects live until the kernel heap is up.</summary>
        [RuntimeExport("MyOSRuntimeInitialize")]
        private static void Initialize(byte* bootstrapHeap, nuint bootstrapHeapSize) =>
            BootstrapHeap.Initialize(bootstrapHeap, bootstrapHeapSize);
    }
}
