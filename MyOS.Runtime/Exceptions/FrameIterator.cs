using System.Runtime.InteropServices;

namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// The stack frame iterator CoreLib's dispatcher keeps (its StackFrameIterator, 0x168
    /// bytes in CoreLib 10.0.12): CoreLib reads the frame pointer, the control PC, the register
    /// set's SP, the original control PC and the previous transition frame at fixed offsets;
    /// the free space between is the runtime's, here the current frame's method.
    /// Invariant: when valid, <see cref="ControlPC"/> lies in <see cref="Method"/>'s code, and is
    /// the return address minus one except for a faulting frame (then the faulting instruction).
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 0x168)]
    internal struct FrameIterator
    {
        /// <summary>1 when the current frame is the faulting one (its PC is not a return address).</summary>
        [FieldOffset(0x00)] public ulong IsFaultingFrame;
        /// <summary>The same for all frames of one method activation (main body and funclets): RBP where the method has EH.</summary>
        [FieldOffset(0x10)] public ulong FramePointer;
        [FieldOffset(0x18)] public ulong ControlPC;
        [FieldOffset(0x20)] public RegisterSet Registers;
        [FieldOffset(0xA8)] public ManagedMethod Method;
        [FieldOffset(0x158)] public ulong OriginalControlPC;
        [FieldOffset(0x160)] public ulong PreviousTransitionFrame;
    }
}
