namespace System.Runtime.InteropServices
{
    /// <summary>Marks an input parameter.</summary>
    public sealed class InAttribute : Attribute
    {

    }
}
