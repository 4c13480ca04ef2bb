using System.Runtime.InteropServices;

namespace MyOS.Core.Arch.X64.Bridge.Import
{
    /// <summary>
    /// The assembly routines managed code calls (MyOS.Build/Native/cpu.asm). This is the only
    /// place in MyOS that reaches hardware instructions; everything else goes through the
    /// wrappers in MyOS.Core.Arch.X64.Hardware. The names bind at link time (ILC --directpinvoke).
    /// </summary>
    internal static unsafe class NativeCpu
    {
        [DllImport("*", EntryPoint = "cpu_out8"), SuppressGCTransition] internal static extern void Out8(ushort port, byte value);
        [DllImport("*", EntryPoint = "cpu_out16"), SuppressGCTransition] internal static extern void Out16(ushort port, ushort value);
        [DllImport("*", EntryPoint = "cpu_in8"), SuppressGCTransition] internal static extern byte In8(ushort port);
        [DllImport("*", EntryPoint = "cpu_in16"), SuppressGCTransition] internal static extern ushort In16(ushort port);

        [DllImport("*", EntryPoint = "cpu_read_cr0"), SuppressGCTransition] internal static extern ulong ReadCr0();
        [DllImport("*", EntryPoint = "cpu_read_cr2"), SuppressGCTransition] internal static extern ulong ReadCr2();
        [DllImport("*", EntryPoint = "cpu_read_cr3"), SuppressGCTransition] internal static extern ulong ReadCr3();
        [DllImport("*", EntryPoint = "cpu_write_cr3"), SuppressGCTransition] internal static extern void WriteCr3(ulong value);
        [DllImport("*", EntryPoint = "cpu_read_cr4"), SuppressGCTransition] internal static extern ulong ReadCr4();
        [DllImport("*", EntryPoint = "cpu_read_rflags"), SuppressGCTransition] internal static extern ulong ReadRflags();
        [DllImport("*", EntryPoint = "cpu_read_rsp"), SuppressGCTransition] internal static extern ulong ReadRsp();

        [DllImport("*", EntryPoint = "cpu_disable_interrupts"), SuppressGCTransition] internal static extern void DisableInterrupts();
        [DllImport("*", EntryPoint = "cpu_enable_interrupts"), SuppressGCTransition] internal static extern void EnableInterrupts();
        [DllImport("*", EntryPoint = "cpu_halt"), SuppressGCTransition] internal static extern void Halt();
        [DllImport("*", EntryPoint = "cpu_wait_for_interrupt"), SuppressGCTransition] internal static extern void WaitForInterrupt();
        [DllImport("*", EntryPoint = "cpu_pause"), SuppressGCTransition] internal static extern void Pause();
        [DllImport("*", EntryPoint = "cpu_read_timestamp"), SuppressGCTransition] internal static extern ulong ReadTimestamp();
        [DllImport("*", EntryPoint = "cpu_has_rdrand"), SuppressGCTransition] internal static extern int HasRdrand();
        [DllImport("*", EntryPoint = "cpu_rdrand"), SuppressGCTransition] internal static extern int Rdrand(ulong* value);
        [DllImport("*", EntryPoint = "cpu_load_idt"), SuppressGCTransition] internal static extern void LoadIdt(void* descriptor);

        [DllImport("*", EntryPoint = "interrupt_stub_address"), SuppressGCTransition] internal static extern ulong InterruptStubAddress(int vector);
        [DllImport("*", EntryPoint = "interrupt_set_dispatcher"), SuppressGCTransition] internal static extern void SetInterruptDispatcher(delegate* unmanaged<Interrupts.InterruptFrame*, void> dispatcher);

        [DllImport("*", EntryPoint = "boot_info_physical_address"), SuppressGCTransition] internal static extern ulong BootInfoPhysicalAddress();
        [DllImport("*", EntryPoint = "boot_kernel_image_bounds"), SuppressGCTransition] internal static extern void KernelImageBounds(ulong* start, ulong* end);
        [DllImport("*", EntryPoint = "boot_stack_bounds"), SuppressGCTransition] internal static extern void StackBounds(ulong* bottom, ulong* top);
        [DllImport("*", EntryPoint = "boot_page_table_bounds"), SuppressGCTransition] internal static extern void PageTableBounds(ulong* start, ulong* end);
    }
}
