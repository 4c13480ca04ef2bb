namespace System.Runtime.CompilerServices
{
    /// <summary>Asks ILC to run a type's static constructor at start-up instead of on first use.</summary>
    internal sealed class EagerStaticClassConstructionAttribute : Attribute
    {

    }
}
