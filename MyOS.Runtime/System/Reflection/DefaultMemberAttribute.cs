namespace System.Reflection
{
    /// <summary>Names a type's default member (an indexer); Roslyn emits it.</summary>
    public sealed class DefaultMemberAttribute : Attribute
    {
        /// <summary>The member's name.</summary>
        public DefaultMemberAttribute(string memberName) { }
    }
}
