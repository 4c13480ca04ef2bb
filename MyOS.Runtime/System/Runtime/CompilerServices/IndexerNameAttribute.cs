namespace System.Runtime.CompilerServices
{
    /// <summary>Names an indexer property in metadata.</summary>
    public sealed class IndexerNameAttribute : Attribute
    {
        /// <summary>The property name.</summary>
        public IndexerNameAttribute(string indexerName) { }
    }
}
