using System.Runtime.InteropServices;

namespace MyOS.Runtime.OperatingSystem
{
    /// <summary>System.Native's FileStatus, what stat and fstat fill in (its layout is that contract).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct FileStatus
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
        public long Size;
        public long ATime, ATimeNsec, MTime, MTimeNsec, CTime, CTimeNsec, BirthTime, BirthTimeNsec;
        public long Dev, RDev, Ino;
        public uint UserFlags;

        /// <summary>S_IFCHR: a character device.</summary>
        public const int CharacterDevice = 0x2000;
    }
}
