namespace MyOS.Tests.VirtualMachines
{
    /// <summary>One line of `memmap`: "0x0000000000100000 - 0x000000000095CFFF  kernel  8564 KiB".</summary>
    /// <param name="Base">First byte.</param>
    /// <param name="End">One past the last byte (the line shows End - 1).</param>
    /// <param name="Kind">usable, reserved, acpi-reclaimable, acpi-nvs, bad-memory or kernel.</param>
    public sealed record MemoryMapRegion(ulong Base, ulong End, string Kind)
    {
        /// <summary>Bytes in the region.</summary>
        public ulong Length => End - Base;

        /// <summary>Bytes of the region inside [<paramref name="from"/>, <paramref name="to"/>).</summary>
        public ulong BytesWithin(ulong from, ulong to)
        {
            ulong start = Base > from ? Base : from;
            ulong end = End < to ? End : to;
            return end > start ? end - start : 0;
        }
    }
}
