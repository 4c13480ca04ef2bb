namespace MyOS.Core.Boot
{
    /// <summary>
    /// The outcome of parsing: which tag was bad (type and byte offset from the start of the
    /// boot information) and why. A default value (Reason None) means success.
    /// </summary>
    public struct BootInfoError
    {
        /// <summary>TagType value used when the fault is in the fixed header, not in a tag.</summary>
        public const uint NoTag = 0xFFFFFFFF;

        /// <summary>What was wrong; None when parsing succeeded.</summary>
        public BootInfoErrorReason Reason;
        /// <summary>Type of the faulty tag, or NoTag for header faults and a missing end tag.</summary>
        public uint TagType;
        /// <summary>Byte offset of the faulty tag from the start of the structure (0 for header faults).</summary>
        public uint TagOffset;

        /// <summary>Creates an error value.</summary>
        public BootInfoError(BootInfoErrorReason reason, uint tagType, uint tagOffset)
        {
            Reason = reason;
            TagType = tagType;
            TagOffset = tagOffset;
        }

        /// <summary>True when Reason is None.</summary>
        public bool IsOk => Reason == BootInfoErrorReason.None;
    }
}
