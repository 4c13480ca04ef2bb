namespace System
{
    /// <summary>Marks an enum as a set of bit flags.</summary>
    public sealed class FlagsAttribute : Attribute
    {

    }
}
