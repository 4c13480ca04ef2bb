namespace MyOS.Core.Arch.X64.Hardware
{
    /// <summary>The 16 colours of VGA text mode.</summary>
    public enum VgaColor : byte
    {
        Black, Blue, Green, Cyan, Red, Magenta, Brown, LightGray,
        DarkGray, LightBlue, LightGreen, LightCyan, LightRed, LightMagenta, Yellow, White,
    }
}
