namespace System.Runtime.CompilerServices
{
    /// <summary>Modifier for volatile fields.</summary>
    public static class IsVolatile
    {

    }
}
