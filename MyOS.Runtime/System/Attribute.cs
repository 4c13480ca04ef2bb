namespace System
{
    /// <summary>The base class of attributes.</summary>
    public abstract class Attribute
    {

    }
}
