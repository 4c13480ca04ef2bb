using System;
using System.Runtime.InteropServices;

namespace MyOS.Tests.Boot
{
    /// <summary>
    /// A copy of a byte array in native memory that the parser can be pointed at. The bytes end
    /// exactly where an inaccessible guard page begins (on Linux), so any read past them crashes
    /// the test run instead of passing silently. Data starts at offset misalign from an 8-byte
    /// boundary.
    /// </summary>
    internal sealed unsafe class NativeBuffer : IDisposable
    {
        private const int PageSize = 4096;
        private const int ProtNone = 0, ProtReadWrite = 3, MapPrivateAnonymous = 0x22;

        private readonly byte* _mapping;
        private readonly nuint _mappingSize;

        public byte* Pointer { get; }
        public ulong Length { get; }

        public NativeBuffer(byte[] data, int misalign = 0)
        {
            int dataPages = (data.Length + misalign + PageSize - 1) / PageSize + 1;
            _mappingSize = (nuint)((dataPages + 1) * PageSize);
            _mapping = (byte*)mmap(IntPtr.Zero, _mappingSize, ProtReadWrite, MapPrivateAnonymous, -1, IntPtr.Zero);
            if ((long)_mapping == -1)
                throw new InvalidOperationException("mmap failed");
            byte* guard = _mapping + dataPages * PageSize;
            if (mprotect((IntPtr)guard, PageSize, ProtNone) != 0)
                throw new InvalidOperationException("mprotect failed");
            // Place the data so it ends at the guard page, 8-byte aligned plus misalign.
            byte* start = guard - data.Length;
            start = (byte*)(((ulong)start) & ~7UL) + misalign;
            while (start + data.Length > guard)
                start -= 8;
            Pointer = start;
            Length = (ulong)data.Length;
            Marshal.Copy(data, 0, (IntPtr)start, data.Length);
        }

        public void Dispose() => munmap((IntPtr)_mapping, _mappingSize);

        [DllImport("libc", SetLastError = true)]
        private static extern IntPtr mmap(IntPtr addr, nuint length, int prot, int flags, int fd, IntPtr offset);
        [DllImport("libc", SetLastError = true)]
        private static extern int mprotect(IntPtr addr, nuint length, int prot);
        [DllImport("libc", SetLastError = true)]
        private static extern int munmap(IntPtr addr, nuint length);
    }
}
