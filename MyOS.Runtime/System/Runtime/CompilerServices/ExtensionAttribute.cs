namespace System.Runtime.CompilerServices
{
    /// <summary>Marks extension methods.</summary>
    public sealed class ExtensionAttribute : Attribute
    {

    }
}
