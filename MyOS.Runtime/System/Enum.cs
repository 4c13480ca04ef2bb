namespace System
{
    /// <summary>The base class of every enum.</summary>
    public abstract class Enum : ValueType
    {
    }
}
