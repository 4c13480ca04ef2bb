namespace System.Runtime.InteropServices
{
    /// <summary>Marks an output parameter.</summary>
    public sealed class OutAttribute : Attribute
    {

    }
}
