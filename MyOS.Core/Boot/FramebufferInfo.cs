namespace MyOS.Core.Boot
{
    /// <summary>
    /// The framebuffer the boot loader set up, from the multiboot2 framebuffer tag: where it is,
    /// its geometry and, for direct colour, where each colour field sits in a pixel.
    /// Invariant (checked by the parser): Width, Height and Pitch are non-zero, Pitch holds a
    /// whole row, and Address + SizeBytes does not wrap.
    /// </summary>
    public struct FramebufferInfo
    {
        /// <summary>Physical address of the first pixel (or text cell).</summary>
        public ulong Address;
        /// <summary>Bytes from one row to the next.</summary>
        public uint Pitch;
        /// <summary>Pixels per row (characters for EGA text).</summary>
        public uint Width;
        /// <summary>Rows of pixels (of characters for EGA text).</summary>
        public uint Height;
        /// <summary>Bits per pixel (16 for EGA text).</summary>
        public byte BitsPerPixel;
        /// <summary>How pixels are coded.</summary>
        public FramebufferKind Kind;
        /// <summary>Direct colour only: bit position and width of the red, green and blue fields.</summary>
        public byte RedPosition, RedSize, GreenPosition, GreenSize, BluePosition, BlueSize;

        /// <summary>Bytes the framebuffer spans: Pitch * Height.</summary>
        public ulong SizeBytes => (ulong)Pitch * Height;
    }
}
