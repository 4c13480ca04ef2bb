namespace MyOS.Runtime.Exceptions
{
    /// <summary>DWARF's variable-length integers (LEB128), read forward from a cursor.</summary>
    internal static unsafe class Leb128
    {
        public static ulong ReadUnsigned(ref byte* p)
        {
            ulong value = 0;
            int shift = 0;
            byte b;
            do
            {
                b = *p++;
                if (shift < 64)
                    value |= (ulong)(b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return value;
        }

        public static long ReadSigned(ref byte* p)
        {
            long value = 0;
            int shift = 0;
            byte b;
            do
            {
                b = *p++;
                if (shift < 64)
                    value |= (long)(b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            if (shift < 64 && (b & 0x40) != 0)
                value |= -1L << shift;
            return value;
        }
    }
}
