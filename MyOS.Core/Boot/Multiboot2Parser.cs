namespace MyOS.Core.Boot
{
    /// <summary>
    /// Reads the multiboot2 boot information (an 8-byte header {total_size, reserved} followed by
    /// 8-byte aligned tags {type, size}, ending with an end tag) into a Multiboot2Info.
    /// Invariant: no byte outside [info, info + min(total_size, readableLength)) is ever read;
    /// anything malformed stops the walk with a BootInfoError naming the tag and the reason,
    /// except in the optional firmware tags (Multiboot2FirmwareTags), which are then skipped.
    /// </summary>
    public static unsafe class Multiboot2Parser
    {
        /// <summary>Largest total_size accepted; the kernel passes this as readableLength when it
        /// cannot know better. GRUB's structures are a few KiB, so 16 MiB only catches garbage.</summary>
        public const uint MaxTotalSize = 16 * 1024 * 1024;

        private const uint HeaderSize = 8;
        private const uint TagHeaderSize = 8;
        private const uint MemoryMapHeaderSize = 16;   // tag header + entry_size + entry_version
        private const uint MemoryEntryMinSize = 24;    // u64 base, u64 length, u32 type, u32 reserved
        private const uint ModuleHeaderSize = 16;      // tag header + mod_start + mod_end
        private const uint BasicMemoryInfoSize = 16;   // tag header + mem_lower + mem_upper
        private const uint LoadBaseSize = 12;          // tag header + load_base_addr

        /// <summary>
        /// Parses the structure at info, of which readableLength bytes may be read. Allocated ELF
        /// sections at or above kernelVirtualBase are translated by subtracting it (pass
        /// 0xFFFFFFFF80000000 for a higher-half kernel, 0 for none). Fills result (cleared first)
        /// and returns the outcome, which result.Error also holds.
        /// </summary>
        public static BootInfoError Parse(byte* info, ulong readableLength, ulong kernelVirtualBase, Multiboot2Info result)
        {
            if (result == null)
                return new BootInfoError(BootInfoErrorReason.NullPointer, BootInfoError.NoTag, 0);
            result.Reset();
            if (info == null)
                return Fail(result, BootInfoErrorReason.NullPointer, BootInfoError.NoTag, 0);
            if (((ulong)info & 7) != 0)
                return Fail(result, BootInfoErrorReason.MisalignedPointer, BootInfoError.NoTag, 0);
            if (readableLength < HeaderSize)
                return Fail(result, BootInfoErrorReason.HeaderNotReadable, BootInfoError.NoTag, 0);

            uint totalSize = *(uint*)info;
            if (totalSize < HeaderSize + TagHeaderSize)
                return Fail(result, BootInfoErrorReason.TotalSizeTooSmall, BootInfoError.NoTag, 0);
            if (totalSize > readableLength || totalSize > MaxTotalSize)
                return Fail(result, BootInfoErrorReason.TotalSizeTooLarge, BootInfoError.NoTag, 0);
            result.TotalSize = totalSize;

            // ulong arithmetic: offset + size cannot wrap even for size = 0xFFFFFFFF.
            ulong offset = HeaderSize;
            while (true)
            {
                if (offset + TagHeaderSize > totalSize)
                    return Fail(result, BootInfoErrorReason.MissingEndTag, BootInfoError.NoTag, offset);
                byte* tag = info + offset;
                uint type = *(uint*)tag;
                uint size = *(uint*)(tag + 4);
                if (size < TagHeaderSize)
                    return Fail(result, BootInfoErrorReason.TagTooSmall, type, offset);
                if (offset + size > totalSize)
                    return Fail(result, BootInfoErrorReason.TagPastEnd, type, offset);
                if (type == (uint)Multiboot2TagType.End)
                {
                    if (size != TagHeaderSize)
                        return Fail(result, BootInfoErrorReason.EndTagSizeInvalid, type, offset);
                    break;
                }

                if (Multiboot2FirmwareTags.Handles(type))
                {
                    // Optional tags: a malformed one is treated as absent (the kernel falls back
                    // to VGA text or a memory scan), and the first such tag is remembered.
                    BootInfoErrorReason ignored = Multiboot2FirmwareTags.Read(tag, type, size, result);
                    if (ignored != BootInfoErrorReason.None && result.IgnoredTag.IsOk)
                        result.IgnoredTag = new BootInfoError(ignored, type, (uint)offset);
                }
                else
                {
                    BootInfoErrorReason reason = ReadTag(tag, type, size, kernelVirtualBase, result);
                    if (reason != BootInfoErrorReason.None)
                        return Fail(result, reason, type, offset);
                }

                // The next tag starts at the next 8-byte boundary.
                offset += ((ulong)size + 7) & ~7UL;
            }
            return Fail(result, BootInfoErrorReason.None, 0, 0);
        }

        /// <summary>Records the outcome in result and returns it.</summary>
        private static BootInfoError Fail(Multiboot2Info result, BootInfoErrorReason reason, uint type, ulong offset)
        {
            BootInfoError error = new BootInfoError(reason, type, (uint)offset);
            result.Finish(error);
            return error;
        }

        /// <summary>Reads one tag whose size is already known to lie inside the structure.</summary>
        private static BootInfoErrorReason ReadTag(byte* tag, uint type, uint size, ulong kernelVirtualBase, Multiboot2Info result)
        {
            switch ((Multiboot2TagType)type)
            {
                case Multiboot2TagType.CommandLine:
                    return ReadCommandLine(tag, size, result);
                case Multiboot2TagType.BootLoaderName:
                    return ReadBootLoaderName(tag, size, result);
                case Multiboot2TagType.Module:
                    return ReadModule(tag, size, result);
                case Multiboot2TagType.BasicMemoryInfo:
                    return ReadBasicMemoryInfo(tag, size, result);
                case Multiboot2TagType.MemoryMap:
                    return ReadMemoryMap(tag, size, result);
                case Multiboot2TagType.ElfSections:
                    return ElfSectionTable.Read(tag, size, kernelVirtualBase, result);
                case Multiboot2TagType.LoadBaseAddress:
                    return ReadLoadBase(tag, size, result);
                default:
                    return BootInfoErrorReason.None;   // the spec says: skip tags you do not know
            }
        }

        private static BootInfoErrorReason ReadCommandLine(byte* tag, uint size, Multiboot2Info result)
        {
            if (result.HasCommandLine)
                return BootInfoErrorReason.DuplicateTag;
            int length = StringLength(tag + TagHeaderSize, size - TagHeaderSize);
            if (length < 0)
                return BootInfoErrorReason.StringNotTerminated;
            result.HasCommandLine = true;
            result.CommandLine = tag + TagHeaderSize;
            result.CommandLineLength = length;
            return BootInfoErrorReason.None;
        }

        private static BootInfoErrorReason ReadBootLoaderName(byte* tag, uint size, Multiboot2Info result)
        {
            if (result.HasBootLoaderName)
                return BootInfoErrorReason.DuplicateTag;
            int length = StringLength(tag + TagHeaderSize, size - TagHeaderSize);
            if (length < 0)
                return BootInfoErrorReason.StringNotTerminated;
            result.HasBootLoaderName = true;
            result.BootLoaderName = tag + TagHeaderSize;
            result.BootLoaderNameLength = length;
            return BootInfoErrorReason.None;
        }

        private static BootInfoErrorReason ReadModule(byte* tag, uint size, Multiboot2Info result)
        {
            if (size < ModuleHeaderSize)
                return BootInfoErrorReason.TagTooSmall;
            uint start = *(uint*)(tag + 8);
            uint end = *(uint*)(tag + 12);
            if (end < start)
                return BootInfoErrorReason.ModuleRangeInvalid;
            int length = StringLength(tag + ModuleHeaderSize, size - ModuleHeaderSize);
            if (length < 0)
                return BootInfoErrorReason.StringNotTerminated;

            Multiboot2Module module = new Multiboot2Module();
            module.Start = start;
            module.End = end;
            module.String = tag + ModuleHeaderSize;
            module.StringLength = length;
            if (!result.AddModule(module))
                return BootInfoErrorReason.TooManyModules;
            return BootInfoErrorReason.None;
        }

        private static BootInfoErrorReason ReadBasicMemoryInfo(byte* tag, uint size, Multiboot2Info result)
        {
            if (size < BasicMemoryInfoSize)
                return BootInfoErrorReason.TagTooSmall;
            if (result.HasBasicMemoryInfo)
                return BootInfoErrorReason.DuplicateTag;
            result.HasBasicMemoryInfo = true;
            result.MemoryLowerKiB = *(uint*)(tag + 8);
            result.MemoryUpperKiB = *(uint*)(tag + 12);
            return BootInfoErrorReason.None;
        }

        private static BootInfoErrorReason ReadMemoryMap(byte* tag, uint size, Multiboot2Info result)
        {
            if (size < MemoryMapHeaderSize)
                return BootInfoErrorReason.TagTooSmall;
            if (result.HasMemoryMap)
                return BootInfoErrorReason.DuplicateTag;
            uint entrySize, count;
            BootInfoErrorReason shape = CountEntries(tag, size, MemoryEntryMinSize, BootInfoErrorReason.MemoryMapEntrySizeTooSmall,
                BootInfoErrorReason.MemoryMapSizeNotMultiple, out entrySize, out count);
            if (shape != BootInfoErrorReason.None)
                return shape;
            if (count > Multiboot2Info.MaxMemoryEntries)
                return BootInfoErrorReason.TooManyMemoryMapEntries;

            for (uint i = 0; i < count; i++)
            {
                byte* entry = tag + MemoryMapHeaderSize + i * entrySize;
                ulong baseAddress = *(ulong*)entry;
                ulong length = *(ulong*)(entry + 8);
                uint type = *(uint*)(entry + 16);
                if (length > ulong.MaxValue - baseAddress)
                    return BootInfoErrorReason.MemoryMapEntryOverflow;
                result.AddMemoryEntry(new Multiboot2MemoryEntry(baseAddress, length, type));
            }
            result.HasMemoryMap = true;
            return BootInfoErrorReason.None;
        }

        private static BootInfoErrorReason ReadLoadBase(byte* tag, uint size, Multiboot2Info result)
        {
            if (size < LoadBaseSize)
                return BootInfoErrorReason.TagTooSmall;
            if (result.HasLoadBase)
                return BootInfoErrorReason.DuplicateTag;
            result.HasLoadBase = true;
            result.LoadBase = *(uint*)(tag + 8);
            return BootInfoErrorReason.None;
        }

        /// <summary>
        /// The shape of a tag holding fixed-size entries after a 16-byte header {type, size,
        /// u32 entry_size, u32 entry_version} (the memory map and the EFI memory map): entry_size
        /// at least <paramref name="minimumEntrySize"/> and the entries filling the tag exactly.
        /// entry_version is not checked: later versions may only append fields, which entry_size covers.
        /// The caller has checked that size is at least 16.
        /// </summary>
        internal static BootInfoErrorReason CountEntries(byte* tag, uint size, uint minimumEntrySize, BootInfoErrorReason entryTooSmall,
            BootInfoErrorReason notMultiple, out uint entrySize, out uint count)
        {
            entrySize = *(uint*)(tag + 8);
            count = 0;
            if (entrySize < minimumEntrySize)
                return entryTooSmall;
            uint bytes = size - MemoryMapHeaderSize;
            if (bytes % entrySize != 0)
                return notMultiple;
            count = bytes / entrySize;
            return BootInfoErrorReason.None;
        }

        /// <summary>Index of the first NUL in [text, text + limit), or -1 if there is none.</summary>
        private static int StringLength(byte* text, uint limit)
        {
            for (uint i = 0; i < limit; i++)
            {
                if (text[i] == 0)
                    return (int)i;
            }
            return -1;
        }
    }
}
