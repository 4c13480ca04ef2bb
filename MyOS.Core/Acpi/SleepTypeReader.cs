namespace MyOS.Core.Acpi
{
    /// <summary>
    /// Finds a sleep state's package (e.g. `\_S5`) in AML (the DSDT's body) without running AML:
    /// a NameOp (0x08), optionally a root or parent prefix, the four-letter name, a PackageOp
    /// (0x12), its PkgLength and element count, then the first two elements (SLP_TYPa, SLP_TYPb)
    /// as integer constants (ZeroOp, OneOp, OnesOp, BytePrefix, WordPrefix, DWordPrefix). Pure and
    /// bounds-checked: nothing outside [aml, aml + length) is read (Bochs puts `_S5_` at the
    /// very end of its DSDT).
    /// </summary>
    public static unsafe class SleepTypeReader
    {
        private const byte NameOp = 0x08, PackageOp = 0x12, RootPrefix = 0x5C, ParentPrefix = 0x5E;
        private const byte ZeroOp = 0x00, OneOp = 0x01, OnesOp = 0xFF, BytePrefix = 0x0A, WordPrefix = 0x0B, DWordPrefix = 0x0C;

        /// <summary>
        /// Looks for the package named <paramref name="name"/> (four characters, e.g. "_S5_").
        /// Returns null and sets the two sleep types on success, or a one-line reason.
        /// </summary>
        public static string Find(byte* aml, uint length, string name, out ushort typeA, out ushort typeB)
        {
            typeA = 0;
            typeB = 0;
            if (aml == null || name == null || name.Length != 4)
                return "no AML to search";
            for (uint i = 0; i + 4 <= length; i++)
            {
                if (aml[i] != name[0] || aml[i + 1] != name[1] || aml[i + 2] != name[2] || aml[i + 3] != name[3])
                    continue;
                // The name must follow a NameOp, directly or after a \ or ^ prefix.
                bool named = i >= 1 && aml[i - 1] == NameOp
                    || i >= 2 && (aml[i - 1] == RootPrefix || aml[i - 1] == ParentPrefix) && aml[i - 2] == NameOp;
                if (!named)
                    continue;
                return ReadPackage(aml, length, i + 4, name, out typeA, out typeB);
            }
            return "no " + name + " object in the DSDT";
        }

        private static string ReadPackage(byte* aml, uint length, uint at, string name, out ushort typeA, out ushort typeB)
        {
            typeA = 0;
            typeB = 0;
            if (at >= length || aml[at] != PackageOp)
                return name + " is not a package";
            at++;
            if (at >= length)
                return name + " package is cut off";
            // PkgLength: bits 7-6 of the first byte count the bytes that follow it (0..3).
            uint following = (uint)(aml[at] >> 6);
            uint packageStart = at;
            uint packageLength = following == 0 ? (uint)(aml[at] & 0x3F) : (uint)(aml[at] & 0x0F);
            if (at + following >= length)
                return name + " package length is cut off";
            for (uint b = 0; b < following; b++)
                packageLength |= (uint)aml[at + 1 + b] << (int)(4 + 8 * b);
            at += 1 + following;
            if (packageLength < 1 + following + 1 || packageStart + packageLength > length)
                return name + " package runs past the end of the DSDT";
            uint end = packageStart + packageLength;
            byte elements = aml[at++];
            if (elements < 1)
                return name + " package is empty";
            uint value;
            if (!ReadInteger(aml, end, ref at, out value))
                return name + " SLP_TYPa is not an integer constant";
            typeA = (ushort)(value & 7);
            if (elements >= 2 && at < end)
            {
                if (!ReadInteger(aml, end, ref at, out value))
                    return name + " SLP_TYPb is not an integer constant";
                typeB = (ushort)(value & 7);
            }
            return null;
        }

        private static bool ReadInteger(byte* aml, uint end, ref uint at, out uint value)
        {
            value = 0;
            if (at >= end)
                return false;
            byte op = aml[at++];
            int bytes;
            switch (op)
            {
                case ZeroOp: return true;
                case OneOp: value = 1; return true;
                case OnesOp: value = 0xFFFFFFFF; return true;
                case BytePrefix: bytes = 1; break;
                case WordPrefix: bytes = 2; break;
                case DWordPrefix: bytes = 4; break;
                default: return false;
            }
            if (at + (uint)bytes > end)
                return false;
            for (int b = 0; b < bytes; b++)
                value |= (uint)aml[at + (uint)b] << (8 * b);
            at += (uint)bytes;
            return true;
        }
    }
}
