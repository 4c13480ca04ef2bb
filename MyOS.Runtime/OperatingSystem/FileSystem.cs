using System.Runtime;

namespace MyOS.Runtime.OperatingSystem
{
    /// <summary>
    /// The file calls CoreLib makes, answered as a machine with no file system: every path is
    /// missing (ENOENT) and no descriptor beyond the console's is open (EBADF), so File.Exists
    /// is false and File.ReadAllText throws FileNotFoundException, as on an empty disk.
    /// </summary>
    internal static unsafe class FileSystem
    {
        [RuntimeExport("SystemNative_Open")]
        private static nint Open(byte* path, int flags, int mode) => ErrorNumber.Fail(ErrorNumber.ENOENT);

        [RuntimeExport("SystemNative_Stat")]
        private static int Status(byte* path, FileStatus* status) => ErrorNumber.Fail(ErrorNumber.ENOENT);

        [RuntimeExport("SystemNative_LStat")]
        private static int LinkStatus(byte* path, FileStatus* status) => ErrorNumber.Fail(ErrorNumber.ENOENT);

        [RuntimeExport("SystemNative_ReadLink")]
        private static int ReadLink(byte* path, byte* buffer, int size) => ErrorNumber.Fail(ErrorNumber.ENOENT);

        [RuntimeExport("SystemNative_OpenDir")]
        private static void* OpenDirectory(byte* path)
        {
            ErrorNumber.Fail(ErrorNumber.ENOENT);
            return null;
        }

        /// <summary>readdir on a directory stream: none can be open, so none can be read (-1 with EBADF).</summary>
        [RuntimeExport("SystemNative_ReadDir")]
        private static int ReadDirectory(void* directory, void* entry) => ErrorNumber.Fail(ErrorNumber.EBADF);

        [RuntimeExport("SystemNative_CloseDir")]
        private static int CloseDirectory(void* directory) => ErrorNumber.Fail(ErrorNumber.EBADF);

        [RuntimeExport("SystemNative_FTruncate")]
        private static int Truncate(nint fd, long length) => ErrorNumber.Fail(ErrorNumber.EBADF);

        [RuntimeExport("SystemNative_FAllocate")]
        private static int Allocate(nint fd, long offset, long length) => ErrorNumber.Fail(ErrorNumber.EBADF);

        [RuntimeExport("SystemNative_PosixFAdvise")]
        private static int Advise(nint fd, long offset, long length, int advice) => ErrorNumber.EBADF;

        /// <summary>The file system a descriptor lives on: none (0, unknown).</summary>
        [RuntimeExport("SystemNative_GetFileSystemType")]
        private static long FileSystemType(nint fd) => 0;

        /// <summary>Whether files can have a hidden flag (BSD chflags): not here.</summary>
        [RuntimeExport("SystemNative_CanGetHiddenFlag")]
        private static int CanGetHiddenFlag() => 0;

        [RuntimeExport("SystemNative_LChflagsCanSetHiddenFlag")]
        private static int CanSetHiddenFlag() => 0;

        [RuntimeExport("SystemNative_Unlink")]
        private static int Unlink(byte* path) => ErrorNumber.Fail(ErrorNumber.ENOENT);

        [RuntimeExport("SystemNative_PRead")]
        private static int ReadAt(nint fd, byte* buffer, int count, long offset) => ErrorNumber.Fail(ErrorNumber.EBADF);

        [RuntimeExport("SystemNative_FLock")]
        private static int Lock(nint fd, int operation) => ErrorNumber.Fail(ErrorNumber.EBADF);

        /// <summary>The working directory: the root of the (empty) file tree.</summary>
        [RuntimeExport("SystemNative_GetCwd")]
        private static byte* CurrentDirectory(byte* buffer, int size)
        {
            if (size < 2)
            {
                ErrorNumber.Fail(ErrorNumber.EINVAL);
                return null;
            }
            buffer[0] = (byte)'/';
            buffer[1] = 0;
            return buffer;
        }
    }
}
