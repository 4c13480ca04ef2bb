namespace System.Collections.Generic
{
    /// <summary>Equality of nullable values: both empty, or both with equal values. ILC picks it by name.</summary>
    internal sealed class NullableEqualityComparer<T> : EqualityComparer<T?> where T : struct
    {
        public override bool Equals(T? x, T? y) =>
            x.HasValue ? y.HasValue && x.GetValueOrDefault().Equals(y.GetValueOrDefault()) : !y.HasValue;
        public override int GetHashCode(T? obj) => obj.HasValue ? obj.GetValueOrDefault().GetHashCode() : 0;
    }
}
