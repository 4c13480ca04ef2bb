using System.Runtime;
using MyOS.Core;
using MyOS.Core.Memory;

namespace MyOS.Runtime.OperatingSystem
{
    /// <summary>
    /// malloc/free and mmap for CoreLib (NativeMemory, unmanaged buffers): malloc takes raw
    /// blocks of the kernel heap, mmap takes whole pages from the page allocator through the
    /// direct map. Both fail with ENOMEM until memory is up or when it runs out.
    /// </summary>
    internal static unsafe class NativeMemory
    {
        [RuntimeExport("SystemNative_Malloc")]
        private static void* Allocate(nuint size)
        {
            void* block = KernelMemory.Heap?.Allocate(size == 0 ? 1 : size, 16, false);
            if (block == null)
                ErrorNumber.Fail(ErrorNumber.ENOMEM);
            return block;
        }

        [RuntimeExport("SystemNative_Free")]
        private static void Free(void* block)
        {
            if (block != null)
                KernelMemory.Heap.Free((byte*)block);
        }

        /// <summary>
        /// Anonymous mappings only (no files exist): zeroed pages, readable, writable and
        /// executable, backed at once (there is no demand paging). Like System.Native's shim,
        /// returns null, not MAP_FAILED, on failure.
        /// </summary>
        [RuntimeExport("SystemNative_MMap")]
        private static void* Map(void* address, ulong length, int protection, int flags, nint fd, long offset)
        {
            if (fd != -1 || length == 0)
            {
                ErrorNumber.Fail(fd != -1 ? ErrorNumber.EBADF : ErrorNumber.EINVAL);
                return null;
            }
            byte* pages = KernelMemory.Pages?.AllocateHhdm(PageCount(length));
            if (pages == null)
            {
                ErrorNumber.Fail(ErrorNumber.ENOMEM);
                return null;
            }
            for (ulong i = 0; i < PageCount(length) * PageMath.PageSize; i += 8)
                *(ulong*)(pages + i) = 0;
            return pages;
        }

        [RuntimeExport("SystemNative_MUnmap")]
        private static int Unmap(void* address, ulong length)
        {
            // Every mapping comes from pmalloc_hhdm: an address outside the direct map was never one.
            if (KernelMemory.Pages == null || ((ulong)address & (PageMath.PageSize - 1)) != 0 || !DirectMap.Kernel.TryToPhysical(address, out _))
                return ErrorNumber.Fail(ErrorNumber.EINVAL);
            KernelMemory.Pages.FreeHhdm((byte*)address, PageCount(length));
            return 0;
        }

        /// <summary>Page protection: every mapping is read-write-execute, so nothing changes.</summary>
        [RuntimeExport("SystemNative_MProtect")]
        private static int Protect(void* address, ulong length, int protection) => 0;

        private static ulong PageCount(ulong length) => (length + PageMath.PageSize - 1) / PageMath.PageSize;
    }
}
