namespace System
{
    /// <summary>The compiler's base type for T[] (single-dimension, zero-based arrays).</summary>
    internal class Array<T> : Array
    {
    }
}
