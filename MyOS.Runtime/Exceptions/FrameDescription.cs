namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// What the unwind tables say about one function (a DWARF FDE with its CIE): the code it
    /// covers, the call-frame instructions that describe its prolog, and its LSDA, which ILC
    /// writes for every managed method and funclet (null for code ILC did not compile).
    /// </summary>
    internal unsafe struct FrameDescription
    {
        public ulong Start;
        public ulong End;
        public byte* Lsda;
        public byte* CieInstructions;
        public byte* CieInstructionsEnd;
        public byte* Instructions;
        public byte* InstructionsEnd;
        public ulong CodeAlignment;
        public long DataAlignment;
        public int ReturnAddressRegister;
    }
}
