namespace System
{
    /// <summary>A delegate type of the standard library: bool Predicate{in T}(T obj).</summary>
    public delegate bool Predicate<in T>(T obj);
}
