namespace Internal.Runtime
{
    /// <summary>
    /// Names types for failure reports. MethodTables carry no names (MyOS builds without
    /// reflection metadata), so the kernel plugs in <see cref="KernelHooks.DescribeType"/>
    /// (MyOS.Core's TypeNameTable, made by the build from the image's MethodTable symbols) and
    /// a type reads 'System.Int32[]'. A type the table lacks, or a runtime without the hook,
    /// falls back to the MethodTable's address: "MethodTable 0xFFFFFFFF80123450".
    /// </summary>
    internal static unsafe class TypeNames
    {
        /// <summary>A printable name for <paramref name="type"/>.</summary>
        internal static string Describe(MethodTable* type)
        {
            if (KernelHooks.DescribeType != null)
            {
                string name = KernelHooks.DescribeType(type);
                if (name != null)
                    return "'" + name + "'";
            }
            return "MethodTable 0x" + ((ulong)type).ToString("X16");
        }
    }
}
