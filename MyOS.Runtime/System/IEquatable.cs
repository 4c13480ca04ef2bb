namespace System
{
    /// <summary>A type with a typed equality test (used by collections to avoid boxing).</summary>
    public interface IEquatable<T>
    {
        /// <summary>Whether this instance equals <paramref name="other"/>.</summary>
        bool Equals(T other);
    }
}
