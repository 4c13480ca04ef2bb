namespace System
{
    /// <summary>Marks a params parameter.</summary>
    public sealed class ParamArrayAttribute : Attribute
    {

    }
}
