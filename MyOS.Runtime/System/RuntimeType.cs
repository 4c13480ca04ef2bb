namespace System
{
    /// <summary>The runtime's Type implementation; ILC requires the type to exist. MyOS keeps no reflection data.</summary>
    internal sealed class RuntimeType : Type
    {
    }
}
