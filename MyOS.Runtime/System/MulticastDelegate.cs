namespace System
{
    /// <summary>The base class C# delegate types derive from.</summary>
    public abstract class MulticastDelegate : Delegate
    {
    }
}
