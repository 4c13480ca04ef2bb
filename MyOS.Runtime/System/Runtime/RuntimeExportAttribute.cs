namespace System.Runtime
{
    /// <summary>Exports a runtime method under a symbol name that compiled code calls (RhpNewFast and friends).</summary>
    internal sealed class RuntimeExportAttribute : Attribute
    {
        /// <summary>Under the given symbol.</summary>
        public RuntimeExportAttribute(string entry) { }
    }
}
