namespace System.Collections.Generic
{
    /// <summary>Ordinal string equality. ILC picks it by name for T = string.</summary>
    internal sealed class StringEqualityComparer : EqualityComparer<string>
    {
        public override bool Equals(string x, string y) => string.Equals(x, y);
        public override int GetHashCode(string obj) => obj == null ? 0 : obj.GetHashCode();
    }
}
