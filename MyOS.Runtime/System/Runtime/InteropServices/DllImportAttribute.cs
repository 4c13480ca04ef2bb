namespace System.Runtime.InteropServices
{
    /// <summary>Binds a method to a native function; with --directpinvoke the name resolves at link time.</summary>
    public sealed class DllImportAttribute : Attribute
    {
        /// <summary>From the named library ("*" for the kernel image itself).</summary>
        public DllImportAttribute(string dllName) { }
        /// <summary>The native symbol name.</summary>
        public string EntryPoint;
        /// <summary>The calling convention.</summary>
        public CallingConvention CallingConvention;
        /// <summary>Whether to marshal the return as HRESULT.</summary>
        public bool PreserveSig;
    }
}
