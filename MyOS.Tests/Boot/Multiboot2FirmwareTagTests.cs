using System;
using MyOS.Core.Boot;
using Xunit;

namespace MyOS.Tests.Boot
{
    /// <summary>
    /// The firmware tags (framebuffer, EFI system table, RSDP copies, EFI memory map): well-formed
    /// ones are read; a malformed one is skipped and named in IgnoredTag while the parse succeeds.
    /// </summary>
    public unsafe class Multiboot2FirmwareTagTests : IDisposable
    {
        // The parsed info points into its buffer: buffers live until the test ends.
        private readonly System.Collections.Generic.List<NativeBuffer> _buffers = new System.Collections.Generic.List<NativeBuffer>();

        public void Dispose()
        {
            foreach (NativeBuffer buffer in _buffers)
                buffer.Dispose();
        }

        private static byte[] FramebufferPayload(ulong address, uint pitch, uint width, uint height, byte bpp, byte type, bool colorInfo = true)
        {
            byte[] fixedPart = Multiboot2Builder.Concat(Multiboot2Builder.U64(address), Multiboot2Builder.U32(pitch), Multiboot2Builder.U32(width),
                Multiboot2Builder.U32(height), new byte[] { bpp, type, 0, 0 });
            return colorInfo ? Multiboot2Builder.Concat(fixedPart, new byte[] { 16, 8, 8, 8, 0, 8, 0, 0 }) : fixedPart;
        }

        private static byte[] EfiDescriptor(uint type, ulong start, ulong pages, uint size = 48)
        {
            byte[] d = new byte[size];
            BitConverter.GetBytes(type).CopyTo(d, 0);
            BitConverter.GetBytes(start).CopyTo(d, 8);
            BitConverter.GetBytes(pages).CopyTo(d, 24);
            return d;
        }

        private Multiboot2Info Parse(Multiboot2Builder b)
        {
            b.AddEnd();
            var buffer = new NativeBuffer(b.Build());
            _buffers.Add(buffer);
            var info = new Multiboot2Info();
            BootInfoError error = Multiboot2Parser.Parse(buffer.Pointer, buffer.Length, 0, info);
            Assert.True(error.IsOk, error.Reason.ToString());
            return info;
        }

        [Fact]
        public void RgbFramebufferIsRead()
        {
            var b = new Multiboot2Builder();
            b.AddTag(8, FramebufferPayload(0x80000000, 4096, 1024, 768, 32, 1));
            Multiboot2Info info = Parse(b);
            Assert.True(info.HasFramebuffer);
            Assert.True(info.IgnoredTag.IsOk);
            FramebufferInfo fb = info.Framebuffer;
            Assert.Equal(0x80000000UL, fb.Address);
            Assert.Equal(1024u, fb.Width);
            Assert.Equal(768u, fb.Height);
            Assert.Equal(FramebufferKind.Rgb, fb.Kind);
            Assert.Equal(16, fb.RedPosition);
            Assert.Equal(8, fb.GreenPosition);
            Assert.Equal(0, fb.BluePosition);
            Assert.Equal(4096UL * 768, fb.SizeBytes);
        }

        [Theory]
        [InlineData(0x80000000UL, 4096u, 0u, 768u, (byte)32)]            // zero width
        [InlineData(0x80000000UL, 100u, 1024u, 768u, (byte)32)]          // pitch shorter than a row
        [InlineData(0xFFFFFFFFFFFFF000UL, 4096u, 1024u, 768u, (byte)32)] // wraps past 2^64
        [InlineData(0x80000000UL, 4096u, 1024u, 768u, (byte)0)]          // no bits per pixel
        public void ImpossibleFramebufferIsIgnoredNotFatal(ulong address, uint pitch, uint width, uint height, byte bpp)
        {
            var b = new Multiboot2Builder();
            b.AddCommandLine("serial=true");
            int offset = b.AddTag(8, FramebufferPayload(address, pitch, width, height, bpp, 1));
            Multiboot2Info info = Parse(b);
            Assert.False(info.HasFramebuffer);
            Assert.Equal(BootInfoErrorReason.FramebufferGeometryInvalid, info.IgnoredTag.Reason);
            Assert.Equal(8u, info.IgnoredTag.TagType);
            Assert.Equal((uint)offset, info.IgnoredTag.TagOffset);
            Assert.True(info.HasCommandLine);
        }

        [Fact]
        public void TruncatedFramebufferAndRgbWithoutColourInfoAreIgnored()
        {
            var b = new Multiboot2Builder();
            b.AddTag(8, new byte[10]);
            Assert.Equal(BootInfoErrorReason.TagTooSmall, Parse(b).IgnoredTag.Reason);
            b = new Multiboot2Builder();
            b.AddTag(8, FramebufferPayload(0xB8000, 160, 80, 25, 16, 1, colorInfo: false));
            Assert.Equal(BootInfoErrorReason.TagTooSmall, Parse(b).IgnoredTag.Reason);
            b = new Multiboot2Builder();
            b.AddTag(8, FramebufferPayload(0xB8000, 160, 80, 25, 16, 2, colorInfo: false));
            Multiboot2Info text = Parse(b);
            Assert.True(text.HasFramebuffer);
            Assert.Equal(FramebufferKind.EgaText, text.Framebuffer.Kind);
        }

        [Fact]
        public void RsdpCopiesAndEfiSystemTableAreRead()
        {
            var b = new Multiboot2Builder();
            b.AddTag(12, Multiboot2Builder.U64(0x7F9E018));
            b.AddTag(14, new byte[20]);
            b.AddTag(15, new byte[36]);
            Multiboot2Info info = Parse(b);
            Assert.True(info.HasEfiSystemTable);
            Assert.Equal(0x7F9E018UL, info.EfiSystemTable);
            Assert.True(info.OldRsdp != null);
            Assert.Equal(20u, info.OldRsdpLength);
            Assert.True(info.NewRsdp != null);
            Assert.Equal(36u, info.NewRsdpLength);
        }

        [Fact]
        public void ShortRsdpCopyIsIgnored()
        {
            var b = new Multiboot2Builder();
            b.AddTag(15, new byte[20]);   // an ACPI 2.0 RSDP needs 36
            Multiboot2Info info = Parse(b);
            Assert.True(info.NewRsdp == null);
            Assert.Equal(BootInfoErrorReason.RsdpTooShort, info.IgnoredTag.Reason);
        }

        [Fact]
        public void EfiMemoryMapIsReadWithItsDescriptorSize()
        {
            var b = new Multiboot2Builder();
            b.AddTag(17, Multiboot2Builder.Concat(Multiboot2Builder.U32(48), Multiboot2Builder.U32(1),
                EfiDescriptor(EfiMemoryType.Conventional, 0x100000, 256), EfiDescriptor(EfiMemoryType.RuntimeServicesData, 0x7F00000, 32)));
            Multiboot2Info info = Parse(b);
            Assert.True(info.HasEfiMemoryMap);
            Assert.Equal(2, info.EfiMemoryDescriptorCount);
            EfiMemoryDescriptor second = info.GetEfiMemoryDescriptor(1);
            Assert.Equal(EfiMemoryType.RuntimeServicesData, second.Type);
            Assert.Equal(0x7F00000UL, second.PhysicalStart);
            Assert.Equal(32UL * 4096, second.Length);
            Assert.Equal(0UL, info.GetEfiMemoryDescriptor(2).PageCount);
        }

        [Theory]
        [InlineData(32u, 2, BootInfoErrorReason.EfiMemoryMapDescriptorSizeTooSmall)]
        [InlineData(48u, 1, BootInfoErrorReason.EfiMemoryMapSizeNotMultiple)]
        public void MalformedEfiMemoryMapIsIgnored(uint descriptorSize, int extraBytes, BootInfoErrorReason reason)
        {
            var b = new Multiboot2Builder();
            b.AddTag(17, Multiboot2Builder.Concat(Multiboot2Builder.U32(descriptorSize), Multiboot2Builder.U32(1),
                EfiDescriptor(EfiMemoryType.Conventional, 0x100000, 256), new byte[extraBytes]));
            Multiboot2Info info = Parse(b);
            Assert.False(info.HasEfiMemoryMap);
            Assert.Equal(reason, info.IgnoredTag.Reason);
        }

        [Fact]
        public void GrubEfiRuntimeTypeIsNamed()
        {
            Assert.Equal(MyOS.Core.Memory.Map.MemoryKind.EfiRuntime, Multiboot2MemoryType.ToRegionKind(20));
            Assert.Equal(MyOS.Core.Memory.Map.MemoryKind.Reserved, Multiboot2MemoryType.ToRegionKind(19));
        }
    }
}
