#if MYOS_CORELIB
using Internal.Runtime;
#endif
using MyOS.Core.Bridge.Import;

namespace MyOS.Core.Diagnostics
{
    /// <summary>
    /// Type names for panic reports, from the table the build links into the kernel image
    /// (MyOS.Build/scripts/type-name-table.sh): records of a MethodTable address (8 bytes), the
    /// type's C# name as NUL-terminated ASCII and padding to 8 bytes, ended by an address of 0.
    /// MethodTables carry no names of their own (MyOS builds without reflection metadata), so
    /// this is what turns "MethodTable 0xFFFFFFFF80134638" into "System.Int32[]".
    /// </summary>
    public static unsafe class TypeNameTable
    {
        /// <summary>Lets the runtime name types in its failure reports (failed casts).</summary>
#if MYOS_CORELIB
        public static void Install() => KernelHooks.DescribeType = &Describe;
#endif

        /// <summary>The name of the type whose MethodTable is at <paramref name="methodTable"/>, or null when the table has none.</summary>
        public static string Describe(void* methodTable)
        {
            ulong start, end;
            NativeCpu.TypeNameTableBounds(&start, &end);
            return Find((byte*)start, (byte*)end, (ulong)methodTable);
        }

        /// <summary>Looks <paramref name="address"/> up in the records between <paramref name="start"/> and <paramref name="end"/>; a record that runs past the end stops the walk.</summary>
        public static string Find(byte* start, byte* end, ulong address)
        {
            byte* record = start;
            while (record + sizeof(ulong) <= end)
            {
                ulong recordAddress = *(ulong*)record;
                if (recordAddress == 0)
                    return null;
                byte* name = record + sizeof(ulong);
                int length = 0;
                while (name + length < end && name[length] != 0)
                    length++;
                if (name + length >= end)
                    return null;
                if (recordAddress == address)
                    return Ascii(name, length);
                // Next record: past the name's NUL, rounded up to 8 bytes.
                record = (byte*)(((ulong)(name + length + 1) + 7) & ~7UL);
            }
            return null;
        }

        private static string Ascii(byte* text, int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
                chars[i] = (char)text[i];
            return new string(chars);
        }
    }
}
