using System.Runtime;

namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>
    /// Start-up of the managed world. The boot stub calls <see cref="Initialize"/> once, before
    /// any managed code runs, then calls the kernel's Main. ILC also looks this class up by name.
    /// </summary>
    internal static unsafe partial class StartupCodeHelpers
    {
        /// <summary>
        /// Called by the boot stub: takes the bootstrap heap, then gives every type with
        /// reference-type static fields its statics object (see <see cref="ModuleInitializer"/>).
        /// </summary>
        [RuntimeExport("MyOSRuntimeInitialize")]
        private static void Initialize(void** modulesStart, void** modulesEnd, byte* bootstrapHeap, nuint bootstrapHeapSize)
        {
            BootstrapAllocator.Initialize(bootstrapHeap, bootstrapHeapSize);
            for (void** module = modulesStart; module < modulesEnd; module++)
                ModuleInitializer.InitializeStatics((byte*)*module);
        }
    }
}
