namespace System.Runtime.InteropServices
{
    /// <summary>Sets a struct's field layout.</summary>
    public sealed class StructLayoutAttribute : Attribute
    {
        /// <summary>With the given layout.</summary>
        public StructLayoutAttribute(LayoutKind layoutKind) { }
        /// <summary>Field alignment in bytes.</summary>
        public int Pack;
        /// <summary>Total size in bytes.</summary>
        public int Size;
    }
}
