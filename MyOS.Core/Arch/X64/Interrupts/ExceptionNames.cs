namespace MyOS.Core.Arch.X64.Interrupts
{
    /// <summary>Names of the CPU exceptions (vectors 0-31), as the Intel manual gives them.</summary>
    public static class ExceptionNames
    {
        /// <summary>The name of exception <paramref name="vector"/>, or "Reserved".</summary>
        public static string Get(ulong vector)
        {
            switch (vector)
            {
                case 0: return "Divide Error (#DE)";
                case 1: return "Debug (#DB)";
                case 2: return "Non-Maskable Interrupt (NMI)";
                case 3: return "Breakpoint (#BP)";
                case 4: return "Overflow (#OF)";
                case 5: return "Bound Range Exceeded (#BR)";
                case 6: return "Invalid Opcode (#UD)";
                case 7: return "Device Not Available (#NM)";
                case 8: return "Double Fault (#DF)";
                case 9: return "Coprocessor Segment Overrun";
                case 10: return "Invalid TSS (#TS)";
                case 11: return "Segment Not Present (#NP)";
                case 12: return "Stack-Segment Fault (#SS)";
                case 13: return "General Protection Fault (#GP)";
                case 14: return "Page Fault (#PF)";
                case 16: return "x87 Floating-Point Error (#MF)";
                case 17: return "Alignment Check (#AC)";
                case 18: return "Machine Check (#MC)";
                case 19: return "SIMD Floating-Point Exception (#XM)";
                case 20: return "Virtualization Exception (#VE)";
                case 21: return "Control Protection Exception (#CP)";
                default: return "Reserved";
            }
        }
    }
}
