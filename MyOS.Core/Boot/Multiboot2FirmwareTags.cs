namespace MyOS.Core.Boot
{
    /// <summary>
    /// Reads the multiboot2 tags that describe the firmware and the screen: framebuffer (8),
    /// EFI 64-bit system table (12), ACPI RSDP copies (14 old, 15 new) and the EFI memory map (17).
    /// The kernel can boot without any of them, so Multiboot2Parser treats a malformed one as
    /// absent (recorded in Multiboot2Info.IgnoredTag) instead of refusing the whole structure.
    /// Invariant: nothing outside [tag, tag + size) is read.
    /// </summary>
    internal static unsafe class Multiboot2FirmwareTags
    {
        private const uint FramebufferFixedSize = 32;   // header, u64 addr, pitch, width, height, bpp, type, reserved
        private const uint RgbColorInfoSize = 6;        // red pos/size, green pos/size, blue pos/size
        private const uint EfiSystemTableSize = 16;     // header + u64 pointer
        private const uint RsdpOldLength = 20;          // ACPI 1.0 RSDP
        private const uint RsdpNewLength = 36;          // ACPI 2.0+ RSDP (XSDT address, extended checksum)
        private const uint EfiMapHeaderSize = 16;       // header + descriptor_size + descriptor_version
        private const uint EfiDescriptorMinSize = 40;   // u32 type, pad, u64 phys, u64 virt, u64 pages, u64 attributes

        /// <summary>True for the tag types this class reads.</summary>
        public static bool Handles(uint type)
        {
            switch ((Multiboot2TagType)type)
            {
                case Multiboot2TagType.Framebuffer:
                case Multiboot2TagType.Efi64SystemTable:
                case Multiboot2TagType.AcpiOldRsdp:
                case Multiboot2TagType.AcpiNewRsdp:
                case Multiboot2TagType.EfiMemoryMap:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Reads one tag of a type <see cref="Handles"/> accepts; on an error result is left as it was.</summary>
        public static BootInfoErrorReason Read(byte* tag, uint type, uint size, Multiboot2Info result)
        {
            switch ((Multiboot2TagType)type)
            {
                case Multiboot2TagType.Framebuffer: return ReadFramebuffer(tag, size, result);
                case Multiboot2TagType.Efi64SystemTable: return ReadEfiSystemTable(tag, size, result);
                case Multiboot2TagType.AcpiOldRsdp: return ReadRsdp(tag, size, false, result);
                case Multiboot2TagType.AcpiNewRsdp: return ReadRsdp(tag, size, true, result);
                case Multiboot2TagType.EfiMemoryMap: return ReadEfiMemoryMap(tag, size, result);
                default: return BootInfoErrorReason.None;
            }
        }

        private static BootInfoErrorReason ReadFramebuffer(byte* tag, uint size, Multiboot2Info result)
        {
            if (size < FramebufferFixedSize)
                return BootInfoErrorReason.TagTooSmall;
            if (result.HasFramebuffer)
                return BootInfoErrorReason.DuplicateTag;
            FramebufferInfo fb = default(FramebufferInfo);
            fb.Address = *(ulong*)(tag + 8);
            fb.Pitch = *(uint*)(tag + 16);
            fb.Width = *(uint*)(tag + 20);
            fb.Height = *(uint*)(tag + 24);
            fb.BitsPerPixel = tag[28];
            fb.Kind = (FramebufferKind)tag[29];
            if (fb.Kind == FramebufferKind.Rgb)
            {
                if (size < FramebufferFixedSize + RgbColorInfoSize)
                    return BootInfoErrorReason.TagTooSmall;
                fb.RedPosition = tag[32];
                fb.RedSize = tag[33];
                fb.GreenPosition = tag[34];
                fb.GreenSize = tag[35];
                fb.BluePosition = tag[36];
                fb.BlueSize = tag[37];
            }
            if (fb.Width == 0 || fb.Height == 0 || fb.Pitch == 0 || fb.BitsPerPixel == 0)
                return BootInfoErrorReason.FramebufferGeometryInvalid;
            // A row must fit in the pitch, and the whole framebuffer in the address space.
            if ((ulong)fb.Width * fb.BitsPerPixel > (ulong)fb.Pitch * 8)
                return BootInfoErrorReason.FramebufferGeometryInvalid;
            if (fb.SizeBytes > ulong.MaxValue - fb.Address)
                return BootInfoErrorReason.FramebufferGeometryInvalid;
            result.HasFramebuffer = true;
            result.Framebuffer = fb;
            return BootInfoErrorReason.None;
        }

        private static BootInfoErrorReason ReadEfiSystemTable(byte* tag, uint size, Multiboot2Info result)
        {
            if (size < EfiSystemTableSize)
                return BootInfoErrorReason.TagTooSmall;
            if (result.HasEfiSystemTable)
                return BootInfoErrorReason.DuplicateTag;
            result.HasEfiSystemTable = true;
            result.EfiSystemTable = *(ulong*)(tag + 8);
            return BootInfoErrorReason.None;
        }

        private static BootInfoErrorReason ReadRsdp(byte* tag, uint size, bool isNew, Multiboot2Info result)
        {
            uint length = size - 8;
            if (length < (isNew ? RsdpNewLength : RsdpOldLength))
                return BootInfoErrorReason.RsdpTooShort;
            if (isNew ? result.NewRsdp != null : result.OldRsdp != null)
                return BootInfoErrorReason.DuplicateTag;
            // Checksums are the ACPI parser's business: it also handles RSDPs found by scanning memory.
            if (isNew)
            {
                result.NewRsdp = tag + 8;
                result.NewRsdpLength = length;
            }
            else
            {
                result.OldRsdp = tag + 8;
                result.OldRsdpLength = length;
            }
            return BootInfoErrorReason.None;
        }

        private static BootInfoErrorReason ReadEfiMemoryMap(byte* tag, uint size, Multiboot2Info result)
        {
            if (size < EfiMapHeaderSize)
                return BootInfoErrorReason.TagTooSmall;
            if (result.HasEfiMemoryMap)
                return BootInfoErrorReason.DuplicateTag;
            uint descriptorSize, count;
            BootInfoErrorReason shape = Multiboot2Parser.CountEntries(tag, size, EfiDescriptorMinSize,
                BootInfoErrorReason.EfiMemoryMapDescriptorSizeTooSmall, BootInfoErrorReason.EfiMemoryMapSizeNotMultiple, out descriptorSize, out count);
            if (shape != BootInfoErrorReason.None)
                return shape;
            result.SetEfiMemoryMap(tag + EfiMapHeaderSize, (int)count, descriptorSize);
            return BootInfoErrorReason.None;
        }

        /// <summary>Descriptor i of an EFI memory map whose bounds were checked by ReadEfiMemoryMap.</summary>
        public static EfiMemoryDescriptor Descriptor(byte* first, uint descriptorSize, int i)
        {
            byte* d = first + (ulong)i * descriptorSize;
            EfiMemoryDescriptor descriptor = default(EfiMemoryDescriptor);
            descriptor.Type = *(uint*)d;
            descriptor.PhysicalStart = *(ulong*)(d + 8);
            descriptor.PageCount = *(ulong*)(d + 24);
            descriptor.Attributes = *(ulong*)(d + 32);
            return descriptor;
        }
    }
}
