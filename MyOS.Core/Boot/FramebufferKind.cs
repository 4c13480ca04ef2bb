namespace MyOS.Core.Boot
{
    /// <summary>The framebuffer_type of a multiboot2 framebuffer tag.</summary>
    public enum FramebufferKind : byte
    {
        /// <summary>Pixels index a palette (not drawn on by MyOS).</summary>
        Indexed = 0,
        /// <summary>Direct colour: each pixel holds red, green and blue fields.</summary>
        Rgb = 1,
        /// <summary>VGA/EGA text mode: width and height count characters, two bytes per cell.</summary>
        EgaText = 2,
    }
}
