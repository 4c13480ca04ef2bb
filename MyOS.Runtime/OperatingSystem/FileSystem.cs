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
