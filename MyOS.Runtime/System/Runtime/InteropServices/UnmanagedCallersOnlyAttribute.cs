namespace System.Runtime.InteropServices
{
    /// <summary>Makes a method callable from native code through a function pointer.</summary>
    public sealed class UnmanagedCallersOnlyAttribute : Attribute
    {
        /// <summary>The exported symbol name, if any.</summary>
        public string EntryPoint;
        /// <summary>Calling convention types.</summary>
        public Type[] CallConvs;
    }
}
