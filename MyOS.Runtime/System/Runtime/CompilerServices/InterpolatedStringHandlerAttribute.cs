namespace System.Runtime.CompilerServices
{
    /// <summary>Marks a type Roslyn may use to build interpolated strings.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
    public sealed class InterpolatedStringHandlerAttribute : Attribute
    {
    }
}
