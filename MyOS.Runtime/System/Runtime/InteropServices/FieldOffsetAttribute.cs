namespace System.Runtime.InteropServices
{
    /// <summary>Places a field at a byte offset in an explicit-layout struct.</summary>
    public sealed class FieldOffsetAttribute : Attribute
    {
        /// <summary>At the given offset.</summary>
        public FieldOffsetAttribute(int offset) { }
    }
}
