using System.Runtime;

namespace MyOS.Runtime.Startup
{
    /// <summary>
    /// What reflection and delegates ask about code addresses. ILC links the kernel statically
    /// with no import thunks or jump stubs in front of methods, so an address is its own target.
    /// </summary>
    internal static unsafe class CodeStubs
    {
        [RuntimeExport("RhGetCodeTarget")]
        private static void* CodeTarget(void* code) => code;

        /// <summary>The method behind an unboxing-and-instantiating stub, or null when the address is not one.</summary>
        [RuntimeExport("RhGetTargetOfUnboxingAndInstantiatingStub")]
        private static void* UnboxingStubTarget(void* code) => null;
    }
}
