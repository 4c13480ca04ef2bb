namespace System.Runtime.CompilerServices
{
    /// <summary>Marks readonly structs and in parameters.</summary>
    public sealed class IsReadOnlyAttribute : Attribute
    {

    }
}
