using System;

namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>
    /// ILC calls these by name to turn a compiler-emitted pointer into the handle `ldtoken`
    /// produces. MyOS has no reflection, so the handles just wrap the pointer.
    /// </summary>
    internal static class LdTokenHelpers
    {
        private static RuntimeTypeHandle GetRuntimeTypeHandle(IntPtr pEEType) => new RuntimeTypeHandle(pEEType);

        private static RuntimeMethodHandle GetRuntimeMethodHandle(IntPtr pHandleSignature) => new RuntimeMethodHandle(pHandleSignature);

        private static RuntimeFieldHandle GetRuntimeFieldHandle(IntPtr pHandleSignature) => new RuntimeFieldHandle(pHandleSignature);

        private static Type GetRuntimeType(IntPtr pEEType) => Type.GetTypeFromHandle(new RuntimeTypeHandle(pEEType));
    }
}
