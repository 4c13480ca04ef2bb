namespace System.Runtime.InteropServices
{
    /// <summary>
    /// Lets an object claim interfaces at run time. ILC looks this interface up by name; MyOS
    /// never implements it, so dynamic interface casts always fail.
    /// </summary>
    public interface IDynamicInterfaceCastable
    {
        /// <summary>Whether the object implements the interface.</summary>
        bool IsInterfaceImplemented(RuntimeTypeHandle interfaceType, bool throwIfNotImplemented);

        /// <summary>The type that holds the interface's implementation.</summary>
        RuntimeTypeHandle GetInterfaceImplementation(RuntimeTypeHandle interfaceType);

        /// <summary>Called by interface dispatch for objects that implement this interface; never succeeds in MyOS.</summary>
        internal static IntPtr GetDynamicInterfaceImplementation(object instance, IntPtr interfaceType, ushort slot)
        {
            Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowInvalidCastException();
            return 0;
        }
    }
}
