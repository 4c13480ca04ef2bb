using System.Runtime.InteropServices;

namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// The registers of the code that threw, as a throw stub saved them (NativeAOT's
    /// PAL_LIMITED_CONTEXT, CoreLib 10.0.12 layout on linux-x64): the instruction pointer, the
    /// stack pointer and the callee-saved registers; the dispatcher starts its walks here.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 0x50)]
    internal struct ThrowContext
    {
        [FieldOffset(0x00)] public ulong Ip;
        [FieldOffset(0x08)] public ulong Rsp;
        [FieldOffset(0x10)] public ulong Rbp;
        [FieldOffset(0x18)] public ulong Rax;
        [FieldOffset(0x20)] public ulong Rbx;
        [FieldOffset(0x28)] public ulong Rdx;
        [FieldOffset(0x30)] public ulong R12;
        [FieldOffset(0x38)] public ulong R13;
        [FieldOffset(0x40)] public ulong R14;
        [FieldOffset(0x48)] public ulong R15;
    }
}
