using System;

namespace System.Runtime
{
    /// <summary>
    /// Marks a static method that ILC compiles under the given symbol name, so that compiled
    /// code and CoreLib can call it by that name at link time. ILC recognises the attribute by
    /// its namespace and name (as in its own runtime); MyOS.Runtime declares it for itself
    /// because CoreLib's copy is internal.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method)]
    internal sealed class RuntimeExportAttribute : Attribute
    {
        public RuntimeExportAttribute(string entry) => Entry = entry;

        /// <summary>The symbol name.</summary>
        public string Entry { get; }
    }
}
