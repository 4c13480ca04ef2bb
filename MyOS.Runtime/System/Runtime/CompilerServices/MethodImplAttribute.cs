namespace System.Runtime.CompilerServices
{
    /// <summary>Gives the compiler implementation hints for a method.</summary>
    public sealed class MethodImplAttribute : Attribute
    {
        /// <summary>With the given options.</summary>
        public MethodImplAttribute(MethodImplOptions methodImplOptions) { }
    }
}
