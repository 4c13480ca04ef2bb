using System.Runtime.CompilerServices;
using MyOS.Core;
using MyOS.Core.Boot;
using MyOS.Core.Console;

namespace MyOS.Diagnostics.Tests
{
    /// <summary>
    /// Boot options that raise the CPU exceptions which stay panics whatever .NET code does:
    /// `test=invalid-opcode` (#UD), `test=general-protection` (#GP) and `test=breakpoint` (#BP).
    /// C# compiles to no UD2 or INT3, so those two run two bytes of machine code written into a
    /// page of their own (the kernel's pages are executable: it never sets the NX bit); #GP is
    /// a read through a non-canonical address. The panic report is what the VM tests check.
    /// </summary>
    public static unsafe class CpuFaultTriggers
    {
        /// <summary>The boot option values this class answers, for BootTestPaths' error line.</summary>
        public const string Names = "invalid-opcode, general-protection, breakpoint";

        /// <summary>UD2: the instruction defined to be invalid.</summary>
        private static readonly byte[] s_invalidOpcode = { 0x0F, 0x0B };
        /// <summary>INT3, then RET (never reached: #BP is a panic).</summary>
        private static readonly byte[] s_breakpoint = { 0xCC, 0xC3 };

        /// <summary>Raises the exception the command line names, if any; true if it named one (then this never returns).</summary>
        public static bool RunIfRequested(KernelCommandLine commandLine)
        {
            if (commandLine.Has("test", "invalid-opcode"))
                RunCode(s_invalidOpcode);
            else if (commandLine.Has("test", "general-protection"))
                KernelConsole.WriteDecimal((long)ReadNonCanonical());
            else if (commandLine.Has("test", "breakpoint"))
                RunCode(s_breakpoint);
            else
                return false;
            return true;
        }

        /// <summary>Copies <paramref name="code"/> into a fresh page and calls it.</summary>
        private static void RunCode(byte[] code)
        {
            byte* page = KernelMemory.Pages.AllocateHhdm(1);
            if (page == null)
            {
                KernelConsole.WriteLine("error: no free page to hold the test's machine code");
                return;
            }
            for (int i = 0; i < code.Length; i++)
                page[i] = code[i];
            ((delegate* unmanaged<void>)page)();
        }

        /// <summary>Reads 0x8000000000000000: not canonical in 48-bit addressing, so the CPU raises #GP, not #PF.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long ReadNonCanonical() => *(long*)0x8000000000000000UL;
    }
}
