namespace System.Collections.Generic
{
    /// <summary>Equality through IEquatable&lt;T&gt; (no boxing for value types). ILC picks it by name.</summary>
    internal sealed class GenericEqualityComparer<T> : EqualityComparer<T> where T : IEquatable<T>
    {
        public override bool Equals(T x, T y) => x == null ? y == null : y != null && x.Equals(y);
        public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();
    }
}
