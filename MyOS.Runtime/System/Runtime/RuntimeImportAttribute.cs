namespace System.Runtime
{
    /// <summary>Binds an extern method to a symbol resolved at link time.</summary>
    internal sealed class RuntimeImportAttribute : Attribute
    {
        /// <summary>From the given library.</summary>
        public RuntimeImportAttribute(string lib) { }
        /// <summary>The given symbol from the given library.</summary>
        public RuntimeImportAttribute(string lib, string entry) { }
    }
}
