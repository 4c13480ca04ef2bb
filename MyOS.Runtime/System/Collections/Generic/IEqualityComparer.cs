namespace System.Collections.Generic
{
    /// <summary>Equality and hashing for keys.</summary>
    public interface IEqualityComparer<in T>
    {
        /// <summary>Whether the values are equal.</summary>
        bool Equals(T x, T y);
        /// <summary>A hash consistent with <see cref="Equals(T, T)"/>.</summary>
        int GetHashCode(T obj);
    }
}
