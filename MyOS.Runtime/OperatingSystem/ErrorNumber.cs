using System;
using System.Runtime;

namespace MyOS.Runtime.OperatingSystem
{
    /// <summary>
    /// errno as CoreLib's System.Native layer sees it. The runtime reports errors with Linux's
    /// numbers (the "platform" errno, since CoreLib is the linux-x64 build) and converts them
    /// to and from CoreLib's portable PAL codes (Interop.Error). Only the errors MyOS itself
    /// reports are named; any other converts to ENONSTANDARD, as in System.Native.
    /// </summary>
    internal static unsafe class ErrorNumber
    {
        // Linux errno values.
        public const int ENOENT = 2, EIO = 5, EBADF = 9, EAGAIN = 11, ENOMEM = 12, EINVAL = 22, ENOTTY = 25, ESPIPE = 29, ENOSYS = 38;

        /// <summary>The last error of the one thread.</summary>
        private static int s_errno;

        /// <summary>Sets errno and returns -1, the failure value of most calls.</summary>
        internal static int Fail(int errno)
        {
            s_errno = errno;
            return -1;
        }

        [RuntimeExport("SystemNative_GetErrNo")]
        private static int Get() => s_errno;

        [RuntimeExport("SystemNative_SetErrNo")]
        private static void Set(int errno) => s_errno = errno;

        /// <summary>Pairs of (Linux errno, PAL code) for the errors MyOS reports.</summary>
        private static ReadOnlySpan<int> ErrorPairs => new int[]
        {
            ENOENT, 0x1002D, EIO, 0x1001D, EBADF, 0x10008, EAGAIN, 0x10006, ENOMEM, 0x10031,
            EINVAL, 0x1001C, ENOTTY, 0x1003E, ESPIPE, 0x10049, ENOSYS, 0x10037,
        };

        /// <summary>Error_ENONSTANDARD: an errno with no portable name.</summary>
        private const int NonStandard = 0x1FFFF;

        [RuntimeExport("SystemNative_ConvertErrorPlatformToPal")]
        private static int PlatformToPal(int errno)
        {
            if (errno == 0)
                return 0;
            for (int i = 0; i < ErrorPairs.Length; i += 2)
            {
                if (ErrorPairs[i] == errno)
                    return ErrorPairs[i + 1];
            }

            return NonStandard;
        }

        [RuntimeExport("SystemNative_ConvertErrorPalToPlatform")]
        private static int PalToPlatform(int palError)
        {
            if (palError == 0)
                return 0;
            for (int i = 0; i < ErrorPairs.Length; i += 2)
            {
                if (ErrorPairs[i + 1] == palError)
                    return ErrorPairs[i];
            }

            return -1;
        }

        /// <summary>strerror_r: the message for <paramref name="errno"/>, written into <paramref name="buffer"/>.</summary>
        [RuntimeExport("SystemNative_StrErrorR")]
        private static byte* Describe(int errno, byte* buffer, int bufferSize)
        {
            string text = errno switch
            {
                ENOENT => "No such file or directory (MyOS has no file system)",
                EIO => "Input/output error",
                EBADF => "Bad file descriptor",
                EAGAIN => "Resource temporarily unavailable",
                ENOMEM => "Cannot allocate memory",
                EINVAL => "Invalid argument",
                ENOTTY => "Inappropriate ioctl for device",
                ESPIPE => "Illegal seek",
                ENOSYS => "Function not implemented",
                _ => "Unknown error",
            };
            if (buffer == null || bufferSize <= 0)
                return null;
            int length = text.Length < bufferSize - 1 ? text.Length : bufferSize - 1;
            for (int i = 0; i < length; i++)
                buffer[i] = (byte)text[i];
            buffer[length] = 0;
            return buffer;
        }
    }
}
