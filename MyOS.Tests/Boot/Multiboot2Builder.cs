using System;
using System.Collections.Generic;
using System.Text;

namespace MyOS.Tests.Boot
{
    /// <summary>
    /// Lays out a synthetic multiboot2 boot information structure in a byte array, the way a
    /// boot loader would: 8-byte header, then tags padded to 8 bytes. Every Add method returns
    /// the byte offset of the tag it wrote, so tests can check the offset an error names.
    /// Overrides (tag size, total_size) let tests produce malformed structures on purpose.
    /// </summary>
    internal sealed class Multiboot2Builder
    {
        private readonly List<byte> _bytes = new List<byte>(new byte[8]);

        /// <summary>Appends a tag with the given payload; size defaults to 8 + payload length.</summary>
        public int AddTag(uint type, byte[] payload, uint? sizeOverride = null)
        {
            int offset = _bytes.Count;
            _bytes.AddRange(U32(type));
            _bytes.AddRange(U32(sizeOverride ?? (uint)(8 + payload.Length)));
            _bytes.AddRange(payload);
            while (_bytes.Count % 8 != 0)
                _bytes.Add(0);
            return offset;
        }

        public int AddString(uint type, string text, bool terminate = true, uint? sizeOverride = null)
        {
            byte[] ascii = Encoding.ASCII.GetBytes(text);
            byte[] payload = terminate ? Concat(ascii, new byte[1]) : ascii;
            return AddTag(type, payload, sizeOverride);
        }

        public int AddCommandLine(string text) => AddString(1, text);
        public int AddBootLoaderName(string text) => AddString(2, text);

        public int AddModule(uint start, uint end, string text, bool terminate = true)
        {
            byte[] s = Encoding.ASCII.GetBytes(text);
            return AddTag(3, Concat(U32(start), U32(end), s, terminate ? new byte[1] : Array.Empty<byte>()));
        }

        public int AddBasicMemoryInfo(uint lowerKiB, uint upperKiB) => AddTag(4, Concat(U32(lowerKiB), U32(upperKiB)));

        /// <summary>Memory map tag; entries longer than 24 bytes are padded with 0xEE.</summary>
        public int AddMemoryMap((ulong Base, ulong Length, uint Type)[] entries, uint entrySize = 24, uint version = 0)
        {
            var payload = new List<byte>();
            payload.AddRange(U32(entrySize));
            payload.AddRange(U32(version));
            foreach (var e in entries)
            {
                var entry = new List<byte>();
                entry.AddRange(U64(e.Base));
                entry.AddRange(U64(e.Length));
                entry.AddRange(U32(e.Type));
                entry.AddRange(U32(0));
                while (entry.Count < entrySize)
                    entry.Add(0xEE);
                payload.AddRange(entry.GetRange(0, (int)entrySize));
            }
            return AddTag(6, payload.ToArray());
        }

        /// <summary>ELF sections tag with ELF64 headers (entsize 64) or ELF32 ones (entsize 40).</summary>
        public int AddElfSections((uint Type, ulong Flags, ulong Address, ulong Size)[] sections, bool elf64 = true, uint? numOverride = null, uint? entSizeOverride = null)
        {
            uint entSize = elf64 ? 64u : 40u;
            var payload = new List<byte>();
            payload.AddRange(U32(numOverride ?? (uint)sections.Length));
            payload.AddRange(U32(entSizeOverride ?? entSize));
            payload.AddRange(U32(0));   // shndx
            foreach (var s in sections)
            {
                if (elf64)
                    payload.AddRange(Concat(U32(0), U32(s.Type), U64(s.Flags), U64(s.Address), U64(0), U64(s.Size), U32(0), U32(0), U64(16), U64(0)));
                else
                    payload.AddRange(Concat(U32(0), U32(s.Type), U32((uint)s.Flags), U32((uint)s.Address), U32(0), U32((uint)s.Size), U32(0), U32(0), U32(16), U32(0)));
            }
            return AddTag(9, payload.ToArray());
        }

        public int AddLoadBase(uint address) => AddTag(21, U32(address));
        public int AddEnd() => AddTag(0, Array.Empty<byte>());

        /// <summary>The bytes with total_size filled in (the real length unless overridden).</summary>
        public byte[] Build(uint? totalSizeOverride = null)
        {
            byte[] result = _bytes.ToArray();
            BitConverter.GetBytes(totalSizeOverride ?? (uint)result.Length).CopyTo(result, 0);
            return result;
        }

        public static byte[] U32(uint v) => BitConverter.GetBytes(v);
        public static byte[] U64(ulong v) => BitConverter.GetBytes(v);

        public static byte[] Concat(params byte[][] parts)
        {
            var all = new List<byte>();
            foreach (byte[] p in parts)
                all.AddRange(p);
            return all.ToArray();
        }
    }
}
