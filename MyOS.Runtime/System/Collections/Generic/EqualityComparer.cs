using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    /// <summary>
    /// The default equality for T. ILC replaces <see cref="Create"/> for each exact T with the
    /// right comparer (it looks the comparer types below up by name): IEquatable&lt;T&gt; types
    /// get <see cref="GenericEqualityComparer{T}"/> (no boxing), enums, nullables and strings
    /// their own; code shared between reference types falls back to Object.Equals.
    /// </summary>
    public abstract class EqualityComparer<T> : IEqualityComparer<T>
    {
        /// <summary>The comparer for T.</summary>
        public static EqualityComparer<T> Default { get; } = Create();

        [Intrinsic]
        private static EqualityComparer<T> Create() => new ObjectEqualityComparer<T>();

        /// <summary>Whether the values are equal.</summary>
        public abstract bool Equals(T x, T y);

        /// <summary>A hash consistent with <see cref="Equals(T, T)"/>.</summary>
        public abstract int GetHashCode(T obj);
    }
}
