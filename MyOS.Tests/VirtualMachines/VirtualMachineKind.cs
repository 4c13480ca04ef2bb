namespace MyOS.Tests.VirtualMachines
{
    /// <summary>The emulators the test runner can boot the MyOS ISO in.</summary>
    public enum VirtualMachineKind
    {
        /// <summary>QEMU (qemu-system-x86_64) with software emulation (TCG); KVM is not used.</summary>
        Qemu,

        /// <summary>Bochs 2.7, started through its debugger build with a `c` (continue) script.</summary>
        Bochs,
    }
}
