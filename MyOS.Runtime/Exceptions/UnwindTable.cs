namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// Finds the unwind description of a code address in the kernel's `.eh_frame` (DWARF call
    /// frame information, which ILC writes for every method and funclet), through the sorted
    /// index `ld --eh-frame-hdr` builds (`.eh_frame_hdr`): a binary search, no memory taken,
    /// so it works when the heap is exhausted. Reads only; the tables are part of the image.
    /// </summary>
    internal static unsafe class UnwindTable
    {
        // DWARF pointer encodings (the low nibble is the format, the high one the base).
        private const byte EncodingAbsolute = 0x00;
        private const byte EncodingUData4 = 0x03;
        private const byte EncodingUData8 = 0x04;
        private const byte EncodingSData4 = 0x0B;
        private const byte EncodingSData8 = 0x0C;
        private const byte EncodingPcRelative = 0x10;
        private const byte EncodingDataRelativeSData4 = 0x3B;
        private const byte EncodingOmit = 0xFF;

        /// <summary>The description of the function holding <paramref name="address"/>; false if none covers it.</summary>
        public static bool TryFind(ulong address, out FrameDescription description)
        {
            description = default;
            byte* header = ExceptionStubs.Address(ExceptionStubs.UnwindIndex);
            // version 1, then the encodings of the .eh_frame pointer, the count and the table.
            if (header[0] != 1 || header[2] != EncodingUData4 || header[3] != EncodingDataRelativeSData4)
                return false;
            byte* cursor = header + 4;
            ReadPointer(ref cursor, header[1]);
            uint count = *(uint*)cursor;
            int* table = (int*)(cursor + 4);

            // The last entry whose start is at or below the address.
            long low = 0, high = (long)count - 1, found = -1;
            while (low <= high)
            {
                long middle = (low + high) / 2;
                ulong start = (ulong)((long)header + table[middle * 2]);
                if (start <= address)
                {
                    found = middle;
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }
            if (found < 0)
                return false;
            byte* fde = header + table[found * 2 + 1];
            return Parse(fde, ref description) && address >= description.Start && address < description.End;
        }

        /// <summary>Reads an FDE and its CIE.</summary>
        private static bool Parse(byte* fde, ref FrameDescription description)
        {
            uint length = *(uint*)fde;
            if (length == 0 || length == 0xFFFFFFFF)
                return false;
            byte* fdeEnd = fde + 4 + length;
            byte* cie = fde + 4 - *(int*)(fde + 4);

            // The CIE: version, augmentation string, alignment factors, return register, augmentation data.
            uint cieLength = *(uint*)cie;
            if (cieLength == 0 || cieLength == 0xFFFFFFFF || *(uint*)(cie + 4) != 0)
                return false;
            byte* cieEnd = cie + 4 + cieLength;
            byte* p = cie + 8;
            byte version = *p++;
            byte* augmentation = p;
            while (*p != 0)
                p++;
            p++;
            description.CodeAlignment = Leb128.ReadUnsigned(ref p);
            description.DataAlignment = Leb128.ReadSigned(ref p);
            description.ReturnAddressRegister = version == 1 ? *p++ : (int)Leb128.ReadUnsigned(ref p);
            byte lsdaEncoding = EncodingOmit, pointerEncoding = EncodingAbsolute;
            if (augmentation[0] == (byte)'z')
            {
                ulong dataLength = Leb128.ReadUnsigned(ref p);
                byte* dataEnd = p + dataLength;
                for (byte* a = augmentation + 1; *a != 0; a++)
                {
                    if (*a == (byte)'L')
                    {
                        lsdaEncoding = *p++;
                    }
                    else if (*a == (byte)'R')
                    {
                        pointerEncoding = *p++;
                    }
                    else if (*a == (byte)'P')
                    {
                        byte personalityEncoding = *p++;
                        ReadPointer(ref p, personalityEncoding);
                    }
                }
                p = dataEnd;
            }
            description.CieInstructions = p;
            description.CieInstructionsEnd = cieEnd;

            // The FDE: code start and length, its augmentation data (the LSDA), its instructions.
            p = fde + 8;
            description.Start = ReadPointer(ref p, pointerEncoding);
            description.End = description.Start + ReadPointer(ref p, (byte)(pointerEncoding & 0x0F));
            description.Lsda = null;
            if (augmentation[0] == (byte)'z')
            {
                ulong dataLength = Leb128.ReadUnsigned(ref p);
                byte* dataEnd = p + dataLength;
                if (lsdaEncoding != EncodingOmit && dataLength > 0)
                    description.Lsda = (byte*)ReadPointer(ref p, lsdaEncoding);
                p = dataEnd;
            }
            description.Instructions = p;
            description.InstructionsEnd = fdeEnd;
            return true;
        }

        /// <summary>Reads one encoded pointer and advances past it.</summary>
        private static ulong ReadPointer(ref byte* p, byte encoding)
        {
            byte* at = p;
            ulong value;
            switch (encoding & 0x0F)
            {
                case EncodingAbsolute: value = *(ulong*)p; p += 8; break;
                case EncodingUData4: value = *(uint*)p; p += 4; break;
                case EncodingUData8: value = *(ulong*)p; p += 8; break;
                case EncodingSData4: value = (ulong)(long)*(int*)p; p += 4; break;
                case EncodingSData8: value = *(ulong*)p; p += 8; break;
                default: return 0;
            }
            if ((encoding & 0x70) == EncodingPcRelative)
                value += (ulong)at;
            return value;
        }
    }
}
