namespace System.Runtime.CompilerServices
{
    /// <summary>Marks a method or type the compiler treats specially.</summary>
    internal sealed class IntrinsicAttribute : Attribute
    {

    }
}
