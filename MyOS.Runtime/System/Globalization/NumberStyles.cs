namespace System.Globalization
{
    /// <summary>What text integer parsing accepts (the subset MyOS implements is noted per member).</summary>
    [Flags]
    public enum NumberStyles
    {
        /// <summary>Digits only.</summary>
        None = 0,
        /// <summary>Leading white space is allowed.</summary>
        AllowLeadingWhite = 1,
        /// <summary>Trailing white space is allowed.</summary>
        AllowTrailingWhite = 2,
        /// <summary>A leading '+' or '-' is allowed.</summary>
        AllowLeadingSign = 4,
        /// <summary>Accepted but not supported by MyOS's parser (no effect).</summary>
        AllowThousands = 64,
        /// <summary>The digits are hexadecimal (no "0x" prefix, as in .NET).</summary>
        AllowHexSpecifier = 512,
        /// <summary>White space and a leading sign: the default for TryParse.</summary>
        Integer = AllowLeadingWhite | AllowTrailingWhite | AllowLeadingSign,
        /// <summary>White space and hexadecimal digits.</summary>
        HexNumber = AllowLeadingWhite | AllowTrailingWhite | AllowHexSpecifier,
    }
}
