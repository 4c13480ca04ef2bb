using System;
using System.Runtime.InteropServices;
using System.Text;
using MyOS.Core.Acpi;
using MyOS.Core.Memory;

namespace MyOS.Tests.Acpi
{
    /// <summary>
    /// Pretend physical memory [0, Size) in native memory, with helpers that write ACPI
    /// structures into it (checksums filled in unless told otherwise). Reads outside it are refused.
    /// </summary>
    public sealed unsafe class SyntheticFirmware : IAcpiMemory, IDisposable
    {
        /// <summary>Bytes of pretend physical memory: enough for the BIOS areas and tables above 1 MiB.</summary>
        public const ulong Size = 0x200000;

        private readonly byte* _memory = (byte*)NativeMemory.AllocZeroed((nuint)Size);

        /// <inheritdoc/>
        public byte* Map(PhysicalAddress physical, ulong length) =>
            physical.Value <= Size && length <= Size - physical.Value ? _memory + physical.Value : null;

        /// <summary>A pointer to pretend physical address <paramref name="physical"/>.</summary>
        public byte* At(ulong physical) => _memory + physical;

        public void Write(ulong physical, byte[] bytes) => Marshal.Copy(bytes, 0, (IntPtr)(_memory + physical), bytes.Length);

        public void Dispose() => NativeMemory.Free(_memory);

        /// <summary>An RSDP: revision 0 (20 bytes) or 2 (36 bytes).</summary>
        public static byte[] Rsdp(byte revision, uint rsdt, ulong xsdt, string oem = "MYOEM ")
        {
            byte[] r = new byte[revision >= 2 ? 36 : 20];
            Encoding.ASCII.GetBytes("RSD PTR ").CopyTo(r, 0);
            Encoding.ASCII.GetBytes(oem).CopyTo(r, 9);
            r[15] = revision;
            BitConverter.GetBytes(rsdt).CopyTo(r, 16);
            if (revision >= 2)
            {
                BitConverter.GetBytes(36u).CopyTo(r, 20);
                BitConverter.GetBytes(xsdt).CopyTo(r, 24);
            }
            r[8] = Checksum(r, 0, 20);
            if (revision >= 2)
                r[32] = Checksum(r, 0, 36);
            return r;
        }

        /// <summary>A table: a 36-byte header (signature, length, revision, OEM "MYOEM") and the body, checksummed.</summary>
        public static byte[] Table(string signature, byte revision, byte[] body)
        {
            byte[] t = new byte[36 + body.Length];
            Encoding.ASCII.GetBytes(signature).CopyTo(t, 0);
            BitConverter.GetBytes((uint)t.Length).CopyTo(t, 4);
            t[8] = revision;
            Encoding.ASCII.GetBytes("MYOEM ").CopyTo(t, 10);
            body.CopyTo(t, 36);
            FixChecksum(t, 9);
            return t;
        }

        /// <summary>Recomputes the checksum byte at <paramref name="at"/> so the whole array sums to zero.</summary>
        public static void FixChecksum(byte[] table, int at)
        {
            table[at] = 0;
            table[at] = Checksum(table, 0, table.Length);
        }

        /// <summary>The body of an XSDT (8-byte entries) or RSDT (4-byte entries).</summary>
        public static byte[] Entries(int size, params ulong[] addresses)
        {
            byte[] body = new byte[addresses.Length * size];
            for (int i = 0; i < addresses.Length; i++)
                (size == 8 ? BitConverter.GetBytes(addresses[i]) : BitConverter.GetBytes((uint)addresses[i])).CopyTo(body, i * size);
            return body;
        }

        /// <summary>
        /// A FADT body (the table is 36 + body bytes): DSDT pointers, PM1a/b control blocks and,
        /// for a long enough table, the reset register in I/O space.
        /// </summary>
        public static byte[] FadtBody(int tableLength, uint dsdt, ulong xDsdt, uint pm1a, uint pm1b, ushort resetPort = 0, byte resetValue = 0)
        {
            byte[] t = new byte[tableLength];
            BitConverter.GetBytes(dsdt).CopyTo(t, 40);
            BitConverter.GetBytes(pm1a).CopyTo(t, 64);
            BitConverter.GetBytes(pm1b).CopyTo(t, 68);
            if (tableLength >= 129 && resetPort != 0)
            {
                BitConverter.GetBytes(1u << 10).CopyTo(t, 112);
                t[116] = 1; // I/O space
                t[117] = 8;
                BitConverter.GetBytes((ulong)resetPort).CopyTo(t, 120);
                t[128] = resetValue;
            }
            if (tableLength >= 148)
                BitConverter.GetBytes(xDsdt).CopyTo(t, 140);
            return t.AsSpan(36).ToArray();
        }

        /// <summary>AML declaring `Name (_S5, Package (count) { a, b, ... })` with byte constants.</summary>
        public static byte[] S5Aml(byte a, byte b, bool rootPrefix = false)
        {
            byte[] elements = { 0x0A, a, 0x0A, b, 0x00, 0x00 };
            var aml = new System.Collections.Generic.List<byte> { 0x10, 0x05, 0x5F, 0x53, 0x42, 0x5F }; // some scope bytes before
            aml.Add(0x08);
            if (rootPrefix)
                aml.Add(0x5C);
            aml.AddRange(Encoding.ASCII.GetBytes("_S5_"));
            aml.Add(0x12);
            aml.Add((byte)(1 + 1 + elements.Length)); // PkgLength (one byte) counts itself, NumElements and the elements
            aml.Add(4);
            aml.AddRange(elements);
            return aml.ToArray();
        }

        private static byte Checksum(byte[] bytes, int start, int length)
        {
            byte sum = 0;
            for (int i = start; i < start + length; i++)
                sum += bytes[i];
            return (byte)(0x100 - sum);
        }
    }
}
