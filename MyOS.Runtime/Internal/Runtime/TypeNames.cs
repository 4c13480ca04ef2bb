namespace Internal.Runtime
{
    /// <summary>
    /// Names types for failure reports. MethodTables carry no names (MyOS builds without
    /// reflection metadata), so a type is named by its MethodTable address, e.g.
    /// "MethodTable 0xFFFFFFFF80123450", unless the kernel plugs in
    /// <see cref="KernelHooks.DescribeType"/> (for example from the ELF symbol table, where
    /// each MethodTable has a symbol named after its type). Host tests map the address to the
    /// type with `nm` on the kernel image.
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
                    return name;
            }
            return "MethodTable 0x" + ((ulong)type).ToString("X16");
        }
    }
}
