using System.Runtime;

namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>The entry the interface dispatch stub (MyOS.Build/Native/dispatch.asm) calls to resolve a call site.</summary>
    internal static unsafe partial class StartupCodeHelpers
    {
        /// <summary>Returns the code to jump to for the interface call through <paramref name="cell"/> on <paramref name="receiver"/>.</summary>
        [RuntimeExport("RhpResolveInterfaceDispatch")]
        private static void* RhpResolveInterfaceDispatch(object receiver, InterfaceDispatchCell* cell) =>
            InterfaceDispatch.Resolve(receiver, cell);
    }
}
