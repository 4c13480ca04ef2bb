namespace System
{
    /// <summary>Says where an attribute may be applied.</summary>
    public sealed class AttributeUsageAttribute : Attribute
    {
        /// <summary>Where the attribute may be applied.</summary>
        public AttributeUsageAttribute(AttributeTargets validOn) { }

        /// <summary>Whether the attribute may be applied more than once.</summary>
        public bool AllowMultiple { get; set; }

        /// <summary>Whether derived classes inherit the attribute.</summary>
        public bool Inherited { get; set; }
    }
}
