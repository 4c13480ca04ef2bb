namespace System.Runtime.CompilerServices
{
    /// <summary>Marks compiler-generated code.</summary>
    public sealed class CompilerGeneratedAttribute : Attribute
    {

    }
}
