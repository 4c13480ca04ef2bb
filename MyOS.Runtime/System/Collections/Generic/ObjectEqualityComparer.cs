namespace System.Collections.Generic
{
    /// <summary>Equality through Object.Equals. ILC picks it by name for types without IEquatable&lt;T&gt;.</summary>
    internal sealed class ObjectEqualityComparer<T> : EqualityComparer<T>
    {
        public override bool Equals(T x, T y) => x == null ? y == null : y != null && x.Equals(y);
        public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();
    }
}
