namespace System
{
    /// <summary>Marks a member that should no longer be used.</summary>
    public sealed class ObsoleteAttribute : Attribute
    {
        /// <summary>Obsolete with no message.</summary>
        public ObsoleteAttribute() { }
        /// <summary>Obsolete with a message.</summary>
        public ObsoleteAttribute(string message) { }
        /// <summary>Obsolete, as an error when asked.</summary>
        public ObsoleteAttribute(string message, bool error) { }
    }
}
