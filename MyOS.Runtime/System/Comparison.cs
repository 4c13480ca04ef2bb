namespace System
{
    /// <summary>A delegate type of the standard library: int Comparison{in T}(T x, T y).</summary>
    public delegate int Comparison<in T>(T x, T y);
}
