namespace System.Runtime.CompilerServices
{
    /// <summary>Marks ref structs.</summary>
    public sealed class IsByRefLikeAttribute : Attribute
    {

    }
}
