using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Arch.X64.Interrupts;
using MyOS.Core.Boot;
using MyOS.Core.Console;
using MyOS.Core.Memory;

namespace MyOS.Core.Diagnostics
{
    /// <summary>
    /// The kernel panic report: what went wrong (a CPU exception with its registers and stack
    /// trace, an uncaught .NET exception with its message, inner exceptions and stack trace, or
    /// a runtime error with a name and message), printed on the screen and serial,
    /// then the machine halts. The report's first line is always "*** KERNEL PANIC ***" and its
    /// last "System halted.", so a test runner can wait for both.
    /// </summary>
    public static unsafe class Panic
    {
        /// <summary>Set once a panic is being reported; a fault inside the report halts at once.</summary>
        private static bool s_panicking;

        /// <summary>Writes a CPU fault's stack trace; registered by the runtime (null before).</summary>
        private static delegate*<InterruptFrame*, void> s_stackTraceWriter;

        /// <summary>Registers the runtime's writer of a CPU fault's stack trace (C# method names).</summary>
        public static void SetStackTraceWriter(delegate*<InterruptFrame*, void> writer) => s_stackTraceWriter = writer;

        /// <summary>Reports a CPU exception from its saved frame, with the stack trace, and halts.</summary>
        public static void OnCpuException(InterruptFrame* frame)
        {
            Begin();
            KernelConsole.Write("exception: ");
            WriteCpuFault(frame, Cpu.ReadCr2());
            if (s_stackTraceWriter != null)
            {
                KernelConsole.WriteLine("stack trace:");
                s_stackTraceWriter(frame);
            }
            End();
        }

        /// <summary>
        /// Reports a .NET exception nobody caught: its type, message, inner exceptions, the CPU
        /// fault it came from (if <paramref name="fault"/> is given), its stack trace; then halts.
        /// The lines that need no memory come first.
        /// </summary>
        public static void OnUnhandledException(System.Exception exception, InterruptFrame* fault, ulong faultAddress)
        {
            Begin();
            KernelConsole.Write("exception: ");
            KernelConsole.WriteLine(ExceptionTypeName.Of(exception));
            KernelConsole.Write("message: ");
            KernelConsole.WriteLine(exception.Message);
            for (System.Exception inner = exception.InnerException; inner != null; inner = inner.InnerException)
            {
                KernelConsole.Write("inner exception: ");
                KernelConsole.Write(ExceptionTypeName.Of(inner));
                KernelConsole.Write(": ");
                KernelConsole.WriteLine(inner.Message);
            }
            if (fault != null)
            {
                KernelConsole.Write("from the CPU exception: ");
                WriteCpuFault(fault, faultAddress);
            }
            KernelConsole.WriteLine("stack trace:");
            KernelConsole.WriteLine(exception.StackTrace ?? "   (none recorded)");
            End();
        }

        /// <summary>A CPU exception's name, error code, RIP, RSP, CR2 (described for a page fault) and registers.</summary>
        private static void WriteCpuFault(InterruptFrame* frame, ulong cr2)
        {
            KernelConsole.Write(ExceptionNames.Get(frame->Vector));
            KernelConsole.Write(", vector ");
            KernelConsole.WriteDecimal(frame->Vector);
            KernelConsole.WriteLine();
            KernelConsole.Write("error code: ");
            KernelConsole.WriteHex(frame->ErrorCode);
            KernelConsole.WriteLine();
            WriteRegister("RIP", frame->Rip);
            WriteRegister("RSP", frame->Rsp);
            KernelConsole.Write("CR2: ");
            KernelConsole.WriteHex(cr2, 16);
            if (frame->Vector == 14)
            {
                KernelConsole.Write(" (");
                KernelConsole.Write(DescribeAddress(cr2));
                KernelConsole.Write(", ");
                KernelConsole.Write((frame->ErrorCode & 1) != 0 ? "protection violation" : "page not present");
                KernelConsole.Write((frame->ErrorCode & 2) != 0 ? ", write" : ", read");
                if ((frame->ErrorCode & 16) != 0)
                    KernelConsole.Write(", instruction fetch");
                KernelConsole.Write(")");
            }
            KernelConsole.WriteLine();
            WriteRegister("RAX", frame->Rax); WriteRegister("RBX", frame->Rbx);
            WriteRegister("RCX", frame->Rcx); WriteRegister("RDX", frame->Rdx);
            WriteRegister("RSI", frame->Rsi); WriteRegister("RDI", frame->Rdi);
            WriteRegister("RBP", frame->Rbp); WriteRegister("RFLAGS", frame->Rflags);
        }

        /// <summary>Reports an error the runtime found (an exception nobody catches) and halts.</summary>
        public static void OnRuntimeError(string exceptionName, string message)
        {
            Begin();
            KernelConsole.Write("exception: ");
            KernelConsole.Write(exceptionName);
            KernelConsole.WriteLine();
            KernelConsole.Write("message: ");
            KernelConsole.Write(message);
            KernelConsole.WriteLine();
            WriteRegister("RSP", Cpu.ReadStackPointer());
            End();
        }

        /// <summary>Reports malformed multiboot2 boot information: which tag, where, and what is wrong.</summary>
        public static void OnBadBootInfo(BootInfoError error)
        {
            Begin();
            KernelConsole.WriteLine("exception: malformed multiboot2 boot information");
            KernelConsole.Write("tag: ");
            if (error.TagType == BootInfoError.NoTag)
                KernelConsole.Write("(header)");
            else
                KernelConsole.WriteDecimal((ulong)error.TagType);
            KernelConsole.Write(" at offset ");
            KernelConsole.WriteDecimal((ulong)error.TagOffset);
            KernelConsole.WriteLine();
            KernelConsole.Write("message: ");
            KernelConsole.WriteLine(BootInfoErrorText.Describe(error.Reason));
            End();
        }

        /// <summary>
        /// The kernel's InvariantChecks handler (verify=1): names the broken invariant, the
        /// heap check's status for the heap, and the address, then halts. Allocates nothing,
        /// since it runs inside an allocator whose state is wrong.
        /// </summary>
        public static void OnBrokenInvariant(InvariantViolation what, uint detail, ulong address)
        {
            Begin();
            KernelConsole.WriteLine("exception: broken invariant (verify=1)");
            KernelConsole.Write("invariant: ");
            KernelConsole.Write(InvariantName(what));
            if (what == InvariantViolation.Heap || what == InvariantViolation.RunHint)
            {
                KernelConsole.Write(what == InvariantViolation.Heap ? ", heap check status " : ", run length ");
                KernelConsole.WriteDecimal(detail);
            }
            KernelConsole.WriteLine();
            WriteRegister("at", address);
            WriteRegister("RSP", Cpu.ReadStackPointer());
            End();
        }

        private static string InvariantName(InvariantViolation what) => what switch
        {
            InvariantViolation.GroupFreeCount => "page group free count",
            InvariantViolation.GroupNonEmptyBit => "page group non-empty bit",
            InvariantViolation.GroupRuns => "page group head/tail/longest",
            InvariantViolation.FreePageNotUsable => "free page outside usable RAM",
            InvariantViolation.ContinuationOnFreePage => "run continuation bit on a free page",
            InvariantViolation.FreePageCount => "free page count",
            InvariantViolation.SearchHint => "single-page search hint",
            InvariantViolation.RunHint => "run hint",
            InvariantViolation.Heap => "heap",
            _ => "unknown",
        };

        /// <summary>Reports a kernel error with a reason and halts.</summary>
        public static void Fail(string reason) => OnRuntimeError("KernelError", reason);

        /// <summary>What an address belongs to, for the report.</summary>
        public static string DescribeAddress(ulong address)
        {
            if (address < PageMath.PageSize)
                return "null page: a null pointer was dereferenced";
            if (address < 0x0000800000000000)
                return "lower half: nothing is mapped there";
            if (address >= AddressSpace.KernelBase)
                return "kernel image area";
            if (address >= AddressSpace.HhdmBase)
                return "direct map of physical memory";
            return "non-canonical address";
        }

        private static void Begin()
        {
            Cpu.DisableInterrupts();
            if (s_panicking)
            {
                KernelConsole.WriteLine();
                KernelConsole.WriteLine("*** fault while reporting a panic ***");
                KernelConsole.WriteLine("System halted.");
                Cpu.HaltForever();
            }
            s_panicking = true;
            KernelConsole.SetColors(VgaColor.White, VgaColor.Red);
            KernelConsole.WriteLine();
            KernelConsole.WriteLine("*** KERNEL PANIC ***");
        }

        private static void End()
        {
            KernelConsole.WriteLine("System halted.");
            Cpu.HaltForever();
        }

        private static void WriteRegister(string name, ulong value)
        {
            KernelConsole.Write(name);
            KernelConsole.Write(": ");
            KernelConsole.WriteHex(value, 16);
            KernelConsole.WriteLine();
        }
    }
}
