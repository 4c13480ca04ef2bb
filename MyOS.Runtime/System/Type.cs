namespace System
{
    /// <summary>A type, as `typeof` yields it. Reflection is not supported; this wraps the handle.</summary>
    public abstract class Type
    {
        /// <summary>The type for a handle; MyOS keeps no reflection data, so this is null.</summary>
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) => null;
    }
}
