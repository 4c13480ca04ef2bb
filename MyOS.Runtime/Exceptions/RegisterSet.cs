using System.Runtime.InteropServices;

namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// One frame's registers while the stack is walked (NativeAOT's REGDISPLAY, 0x88 bytes).
    /// CoreLib reads only SP (at 0x78) and hands the rest to the funclet stubs, so MyOS keeps
    /// register VALUES in the slots where NativeAOT keeps pointers to saved registers: the
    /// collector does not move objects, so nothing needs to write a register back through them.
    /// Only the registers an unwind can recover are kept: the callee-saved ones, SP and IP.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 0x88)]
    internal unsafe struct RegisterSet
    {
        [FieldOffset(0x18)] public ulong Rbx;
        [FieldOffset(0x20)] public ulong Rbp;
        [FieldOffset(0x58)] public ulong R12;
        [FieldOffset(0x60)] public ulong R13;
        [FieldOffset(0x68)] public ulong R14;
        [FieldOffset(0x70)] public ulong R15;
        [FieldOffset(0x78)] public ulong Sp;
        [FieldOffset(0x80)] public ulong Ip;

        /// <summary>DWARF register numbers of x86-64 (rbx 3, rbp 6, rsp 7, r12-r15 12-15).</summary>
        public bool TryGet(int dwarfRegister, out ulong value)
        {
            switch (dwarfRegister)
            {
                case 3: value = Rbx; return true;
                case 6: value = Rbp; return true;
                case 7: value = Sp; return true;
                case 12: value = R12; return true;
                case 13: value = R13; return true;
                case 14: value = R14; return true;
                case 15: value = R15; return true;
                default: value = 0; return false;
            }
        }

        /// <summary>Sets a callee-saved register by DWARF number; others are not tracked.</summary>
        public void Set(int dwarfRegister, ulong value)
        {
            switch (dwarfRegister)
            {
                case 3: Rbx = value; break;
                case 6: Rbp = value; break;
                case 12: R12 = value; break;
                case 13: R13 = value; break;
                case 14: R14 = value; break;
                case 15: R15 = value; break;
            }
        }

        /// <summary>The registers a throw stub captured.</summary>
        public void LoadFrom(ThrowContext* context)
        {
            Ip = context->Ip;
            Sp = context->Rsp;
            Rbp = context->Rbp;
            Rbx = context->Rbx;
            R12 = context->R12;
            R13 = context->R13;
            R14 = context->R14;
            R15 = context->R15;
        }
    }
}
