namespace System
{
    /// <summary>The base class of every struct.</summary>
    public abstract class ValueType
    {
    }
}
