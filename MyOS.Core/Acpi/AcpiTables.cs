using MyOS.Core.Memory;

namespace MyOS.Core.Acpi
{
    /// <summary>
    /// What the firmware's ACPI tables say about power: found from the RSDP (GRUB's copies in the
    /// boot information, else a scan of the BIOS areas) through the XSDT or RSDT to the FADT
    /// (power-management control ports, reset register) and the DSDT (the `\_S5` sleep type
    /// for power-off). Every table's length and checksum is checked before it is used; a table
    /// that fails gets one line in <see cref="GetProblem"/> and the next fallback is tried (the
    /// RSDT when the XSDT is bad, the 32-bit DSDT pointer when the 64-bit one is, ...). Pure over
    /// <see cref="IAcpiMemory"/>, so host tests feed it synthetic and malformed tables.
    /// Invariant: a field is meaningful only when its Has... flag is true; nothing is read
    /// outside a range <see cref="IAcpiMemory.Map"/> returned.
    /// </summary>
    public sealed unsafe class AcpiTables
    {
        /// <summary>Tables kept for the listing; more are counted as a problem, not read.</summary>
        public const int MaxTables = 32;
        /// <summary>Problem lines kept.</summary>
        public const int MaxProblems = 16;
        /// <summary>Bytes in every table's header (signature, length, revision, checksum, OEM ids, ...).</summary>
        public const uint HeaderSize = 36;
        /// <summary>Longest table accepted: larger lengths are taken for garbage.</summary>
        public const uint MaxTableLength = 4 * 1024 * 1024;

        private const uint RsdpV1Length = 20, RsdpV2Length = 36;
        private const uint FadtResetRegisterEnd = 129, FadtXDsdtEnd = 148, FadtXPm1aEnd = 184, FadtXPm1bEnd = 196;
        private const uint ResetRegisterSupported = 1 << 10;   // FADT flags bit 10: RESET_REG_SUP

        private readonly AcpiTableInfo[] _tables = new AcpiTableInfo[MaxTables];
        private readonly string[] _problems = new string[MaxProblems];
        private int _tableCount, _problemCount;
        /// <summary>True once a table did not fit in the listing (reported once).</summary>
        private bool _listFull;
        private readonly IAcpiMemory _memory;

        private AcpiTables(IAcpiMemory memory) => _memory = memory;

        /// <summary>Where the RSDP came from ("multiboot2 tag 15", "BIOS area at 0xF5A10", ...); null if none was valid.</summary>
        public string RsdpSource { get; private set; }
        /// <summary>The RSDP's revision (0 for ACPI 1.0, 2 for 2.0+).</summary>
        public byte RsdpRevision { get; private set; }
        /// <summary>The OEM id in the RSDP.</summary>
        public string RsdpOemId { get; private set; }

        /// <summary>True when a valid FADT was found.</summary>
        public bool HasFadt { get; private set; }
        /// <summary>I/O port of PM1a_CNT (0: none).</summary>
        public ushort Pm1aControlPort { get; private set; }
        /// <summary>I/O port of PM1b_CNT (0: none).</summary>
        public ushort Pm1bControlPort { get; private set; }
        /// <summary>SMI command port that switches the machine into ACPI mode (0: already in it).</summary>
        public ushort SmiCommandPort { get; private set; }
        /// <summary>Value to write to <see cref="SmiCommandPort"/> to enter ACPI mode.</summary>
        public byte AcpiEnableValue { get; private set; }

        /// <summary>True when the FADT has a reset register (revision 2+ and RESET_REG_SUP).</summary>
        public bool HasResetRegister { get; private set; }
        /// <summary>The reset register.</summary>
        public GenericAddress ResetRegister { get; private set; }
        /// <summary>The value that resets the machine when written to <see cref="ResetRegister"/>.</summary>
        public byte ResetValue { get; private set; }

        /// <summary>True when the DSDT's `\_S5` package was read.</summary>
        public bool HasSleepS5 { get; private set; }
        /// <summary>SLP_TYPa for S5 (soft off), for PM1a_CNT.</summary>
        public ushort SleepTypeA { get; private set; }
        /// <summary>SLP_TYPb for S5, for PM1b_CNT.</summary>
        public ushort SleepTypeB { get; private set; }

        /// <summary>True when power-off through ACPI can be tried: a PM1a control port and the S5 sleep type.</summary>
        public bool CanPowerOff => HasFadt && Pm1aControlPort != 0 && HasSleepS5;

        /// <summary>Tables found and checked, in the order found (the DSDT after the FADT).</summary>
        public int TableCount => _tableCount;
        /// <summary>Table i; an empty one when i is out of range.</summary>
        public AcpiTableInfo GetTable(int i) => i >= 0 && i < _tableCount ? _tables[i] : default(AcpiTableInfo);

        /// <summary>Lines saying what was wrong and what was done instead.</summary>
        public int ProblemCount => _problemCount;
        /// <summary>Problem line i; null when i is out of range.</summary>
        public string GetProblem(int i) => i >= 0 && i < _problemCount ? _problems[i] : null;

        /// <summary>
        /// Finds and reads the tables. <paramref name="newRsdp"/> and <paramref name="oldRsdp"/> are
        /// GRUB's RSDP copies (null when absent), tried in that order; when neither is valid and
        /// <paramref name="scanBiosAreas"/> is set, the EBDA's first KiB and 0xE0000-0xFFFFF are searched.
        /// </summary>
        public static AcpiTables Discover(IAcpiMemory memory, byte* newRsdp, uint newRsdpLength, byte* oldRsdp, uint oldRsdpLength, bool scanBiosAreas)
        {
            AcpiTables tables = new AcpiTables(memory);
            ulong rsdt = 0, xsdt = 0;
            bool found = tables.TryRsdp(newRsdp, newRsdpLength, "multiboot2 tag 15 (ACPI 2.0+ RSDP)", ref rsdt, ref xsdt)
                || tables.TryRsdp(oldRsdp, oldRsdpLength, "multiboot2 tag 14 (ACPI 1.0 RSDP)", ref rsdt, ref xsdt)
                || scanBiosAreas && tables.ScanBiosAreas(ref rsdt, ref xsdt);
            if (!found)
            {
                tables.Problem("no valid RSDP found: ACPI is not used");
                return tables;
            }
            if (!(xsdt != 0 && tables.ReadRootTable(xsdt, "XSDT", 8)) && !(rsdt != 0 && tables.ReadRootTable(rsdt, "RSDT", 4)))
                tables.Problem("no valid XSDT or RSDT: ACPI is not used");
            else if (!tables.HasFadt)
                tables.Problem("no valid FADT: ACPI power-off and reset are not used");
            return tables;
        }

        private bool TryRsdp(byte* rsdp, uint length, string source, ref ulong rsdt, ref ulong xsdt)
        {
            if (rsdp == null)
                return false;
            string problem = CheckRsdp(rsdp, length, ref rsdt, ref xsdt);
            if (problem != null)
            {
                Problem("RSDP from " + source + ": " + problem);
                return false;
            }
            RsdpSource = source;
            RsdpRevision = rsdp[15];
            RsdpOemId = Text(rsdp + 9, 6);
            return true;
        }

        /// <summary>Null when the RSDP is valid (signature, checksums, lengths); else why not.</summary>
        private static string CheckRsdp(byte* rsdp, uint available, ref ulong rsdt, ref ulong xsdt)
        {
            if (available < RsdpV1Length)
                return "shorter than 20 bytes";
            if (!Matches(rsdp, "RSD PTR "))
                return "signature is not \"RSD PTR \"";
            if (Sum(rsdp, RsdpV1Length) != 0)
                return "checksum of the first 20 bytes is wrong";
            ulong newRsdt = *(uint*)(rsdp + 16), newXsdt = 0;
            if (rsdp[15] >= 2)
            {
                uint length = available >= RsdpV2Length ? *(uint*)(rsdp + 20) : 0;
                if (length < RsdpV2Length || length > available)
                    return "ACPI 2.0 length is outside 36.." + available.ToString();
                if (Sum(rsdp, length) != 0)
                    return "extended checksum is wrong";
                newXsdt = *(ulong*)(rsdp + 24);
            }
            if (newRsdt == 0 && newXsdt == 0)
                return "points at no RSDT or XSDT";
            rsdt = newRsdt;
            xsdt = newXsdt;
            return null;
        }

        /// <summary>The BIOS places the RSDP on a 16-byte boundary in the EBDA's first KiB or in 0xE0000-0xFFFFF.</summary>
        private bool ScanBiosAreas(ref ulong rsdt, ref ulong xsdt)
        {
            byte* ebdaPointer = _memory.Map(new PhysicalAddress(0x40E), 2);
            if (ebdaPointer != null)
            {
                ulong ebda = (ulong)(*(ushort*)ebdaPointer) << 4;
                if (ebda >= 0x80000 && ebda < 0xA0000 && ScanRange(ebda, 1024, ref rsdt, ref xsdt))
                    return true;
            }
            return ScanRange(0xE0000, 0x20000, ref rsdt, ref xsdt);
        }

        private bool ScanRange(ulong start, uint length, ref ulong rsdt, ref ulong xsdt)
        {
            byte* area = _memory.Map(new PhysicalAddress(start), length);
            if (area == null)
                return false;
            for (uint offset = 0; offset + RsdpV1Length <= length; offset += 16)
            {
                if (!Matches(area + offset, "RSD PTR "))
                    continue;
                ulong candidateRsdt = 0, candidateXsdt = 0;
                string problem = CheckRsdp(area + offset, length - offset, ref candidateRsdt, ref candidateXsdt);
                string where = "BIOS area at 0x" + (start + offset).ToString("X");
                if (problem != null)
                {
                    Problem("RSDP in " + where + ": " + problem);
                    continue;
                }
                rsdt = candidateRsdt;
                xsdt = candidateXsdt;
                RsdpSource = where;
                RsdpRevision = area[offset + 15];
                RsdpOemId = Text(area + offset + 9, 6);
                return true;
            }
            return false;
        }

        /// <summary>Reads the XSDT or RSDT and every table it lists; false (with a problem line) when the root table itself is bad.</summary>
        private bool ReadRootTable(ulong address, string signature, uint entrySize)
        {
            byte* root;
            uint length;
            if (!ReadTable(address, signature, out root, out length))
                return false;
            uint bytes = length - HeaderSize;
            if (bytes % entrySize != 0)
                Problem(signature + ": " + bytes.ToString() + " bytes of entries is not a multiple of " + entrySize.ToString() + "; the partial entry is ignored");
            for (uint offset = HeaderSize; offset + entrySize <= length; offset += entrySize)
            {
                ulong entry = entrySize == 8 ? *(ulong*)(root + offset) : *(uint*)(root + offset);
                if (entry == 0)
                {
                    Problem(signature + " entry " + ((offset - HeaderSize) / entrySize).ToString() + " is a null pointer; skipped");
                    continue;
                }
                byte* table;
                uint tableLength;
                if (!ReadTable(entry, null, out table, out tableLength))
                    continue;
                if (Matches(table, "FACP") && !HasFadt)
                    ReadFadt(table, tableLength);
            }
            return true;
        }

        private void ReadFadt(byte* fadt, uint length)
        {
            // The ACPI 1.0 FADT is 116 bytes; fields past it exist only when the length covers them.
            if (length < 116)
            {
                Problem("FACP: " + length.ToString() + " bytes is too short for a FADT (116 at least); not used");
                return;
            }
            HasFadt = true;
            SmiCommandPort = (ushort)*(uint*)(fadt + 48);
            AcpiEnableValue = fadt[52];
            Pm1aControlPort = (ushort)*(uint*)(fadt + 64);
            Pm1bControlPort = (ushort)*(uint*)(fadt + 68);
            if (length >= FadtXPm1aEnd)
                Pm1aControlPort = PreferExtendedPort(fadt + 172, Pm1aControlPort, "X_PM1a_CNT_BLK");
            if (length >= FadtXPm1bEnd)
                Pm1bControlPort = PreferExtendedPort(fadt + 184, Pm1bControlPort, "X_PM1b_CNT_BLK");
            if (length >= FadtResetRegisterEnd && (*(uint*)(fadt + 112) & ResetRegisterSupported) != 0)
            {
                GenericAddress reset = ReadAddress(fadt + 116);
                if (reset.Address != 0)
                {
                    HasResetRegister = true;
                    ResetRegister = reset;
                    ResetValue = fadt[128];
                }
            }

            ulong dsdt32 = *(uint*)(fadt + 40);
            ulong dsdt64 = length >= FadtXDsdtEnd ? *(ulong*)(fadt + 140) : 0;
            if (dsdt64 != 0 && ReadDsdt(dsdt64))
                return;
            if (dsdt64 != 0 && dsdt32 != 0 && dsdt32 != dsdt64)
                Problem("FACP: X_DSDT is not usable; trying the 32-bit DSDT pointer");
            if (dsdt32 != 0 && dsdt32 != dsdt64 && ReadDsdt(dsdt32))
                return;
            if (dsdt32 == 0 && dsdt64 == 0)
                Problem("FACP: no DSDT pointer; no \\_S5 sleep type, so no ACPI power-off");
        }

        /// <summary>The 64-bit register's port when it is a usable I/O address, else the 32-bit one.</summary>
        private ushort PreferExtendedPort(byte* gas, ushort legacy, string name)
        {
            GenericAddress register = ReadAddress(gas);
            if (register.Address == 0)
                return legacy;
            if (register.SpaceId != GenericAddress.SystemIo || register.Address > 0xFFFF)
            {
                Problem("FACP: " + name + " is in " + register.SpaceName + " space, not I/O; using the 32-bit block address");
                return legacy;
            }
            return (ushort)register.Address;
        }

        private bool ReadDsdt(ulong address)
        {
            byte* dsdt;
            uint length;
            if (!ReadTable(address, "DSDT", out dsdt, out length))
                return false;
            ushort typeA, typeB;
            string problem = SleepTypeReader.Find(dsdt + HeaderSize, length - HeaderSize, "_S5_", out typeA, out typeB);
            if (problem != null)
            {
                Problem("DSDT: " + problem + "; no ACPI power-off");
                return true;
            }
            HasSleepS5 = true;
            SleepTypeA = typeA;
            SleepTypeB = typeB;
            return true;
        }

        /// <summary>
        /// Maps and checks the table at <paramref name="address"/>: readable header, length from 36
        /// to MaxTableLength, readable whole, checksum zero, and the signature if one is expected.
        /// Records it in the list. False (with a problem line) when any check fails.
        /// </summary>
        private bool ReadTable(ulong address, string expected, out byte* table, out uint length)
        {
            table = null;
            length = 0;
            string name = (expected ?? "table") + " at 0x" + address.ToString("X");
            byte* header = _memory.Map(new PhysicalAddress(address), HeaderSize);
            if (header == null)
            {
                Problem(name + " cannot be read; skipped");
                return false;
            }
            string signature = Text(header, 4);
            name = signature + " at 0x" + address.ToString("X");
            if (expected != null && !Matches(header, expected))
            {
                Problem(name + ": expected " + expected + "; skipped");
                return false;
            }
            uint declared = *(uint*)(header + 4);
            if (declared < HeaderSize || declared > MaxTableLength)
            {
                Problem(name + ": length " + declared.ToString() + " is outside 36.." + MaxTableLength.ToString() + "; skipped");
                return false;
            }
            byte* whole = _memory.Map(new PhysicalAddress(address), declared);
            if (whole == null)
            {
                Problem(name + ": its " + declared.ToString() + " bytes cannot be read; skipped");
                return false;
            }
            if (Sum(whole, declared) != 0)
            {
                Problem(name + ": checksum is wrong; skipped");
                return false;
            }
            if (_tableCount < MaxTables)
            {
                AcpiTableInfo info = default(AcpiTableInfo);
                info.Signature = signature;
                info.Address = address;
                info.Length = declared;
                info.Revision = whole[8];
                info.OemId = Text(whole + 10, 6);
                _tables[_tableCount++] = info;
            }
            else if (!_listFull)
            {
                _listFull = true;
                Problem("more than " + MaxTables.ToString() + " tables; the rest are read but not listed");
            }
            table = whole;
            length = declared;
            return true;
        }

        private static GenericAddress ReadAddress(byte* gas)
        {
            GenericAddress address = default(GenericAddress);
            address.SpaceId = gas[0];
            address.BitWidth = gas[1];
            address.Address = *(ulong*)(gas + 4);
            return address;
        }

        private void Problem(string line)
        {
            if (_problemCount < MaxProblems)
                _problems[_problemCount++] = line;
        }

        private static byte Sum(byte* bytes, uint length)
        {
            byte sum = 0;
            for (uint i = 0; i < length; i++)
                sum += bytes[i];
            return sum;
        }

        private static bool Matches(byte* bytes, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (bytes[i] != text[i])
                    return false;
            }

            return true;
        }

        /// <summary>Printable ASCII of <paramref name="count"/> bytes ('?' for others), trailing spaces and NULs dropped.</summary>
        private static string Text(byte* bytes, int count)
        {
            int length = count;
            while (length > 0 && (bytes[length - 1] == ' ' || bytes[length - 1] == 0))
                length--;
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
                chars[i] = bytes[i] >= 0x20 && bytes[i] < 0x7F ? (char)bytes[i] : '?';
            return new string(chars);
        }
    }
}
