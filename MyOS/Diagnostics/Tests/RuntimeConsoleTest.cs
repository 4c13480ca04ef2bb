using System;
using System.Text;
#if MYOS_CORELIB
using Internal.Runtime;
#else
using System.IO;
#endif

namespace MyOS.Diagnostics.Tests
{
    /// <summary>System.Console writes through the kernel's character hook; the test captures it.</summary>
    public sealed unsafe class RuntimeConsoleTest : KernelTest
    {
        public override string Name => "runtime.console";

#if MYOS_CORELIB
        private static StringBuilder s_captured;

        private static void Capture(char c) => s_captured.Append(c);

        protected override void Execute()
        {
            Check(KernelHooks.WriteChar != null, "the kernel plugged in the console writer");
            delegate*<char, void> kernelWriter = KernelHooks.WriteChar;
            s_captured = new StringBuilder();
            KernelHooks.WriteChar = &Capture;
            Console.Write("a=");
            Console.Write(5);
            Console.Write(' ');
            Console.Write(-6L);
            Console.Write(true);
            Console.WriteLine();
            Console.WriteLine("line");
            Console.WriteLine(18446744073709551615UL);
            Console.Write((object)"obj");
            Console.WriteLine($"|{0x1F:X4}|");
            KernelHooks.WriteChar = kernelWriter;
            Check(s_captured.ToString() == "a=5 -6True\nline\n18446744073709551615\nobj|001F|\n", "Write/WriteLine of strings, integers, bools and objects");
        }
#else
        protected override void Execute()
        {
            TextWriter kernelOut = Console.Out;
            StringWriter captured = new StringWriter();
            Console.SetOut(captured);
            Console.Write("a=");
            Console.Write(5);
            Console.Write(' ');
            Console.Write(-6L);
            Console.Write(true);
            Console.WriteLine();
            Console.WriteLine("line");
            Console.WriteLine(18446744073709551615UL);
            Console.Write((object)"obj");
            Console.WriteLine($"|{0x1F:X4}|");
            Console.SetOut(kernelOut);
            Check(captured.ToString() == "a=5 -6True\nline\n18446744073709551615\nobj|001F|\n", "Write/WriteLine of strings, integers, bools and objects");
        }
#endif
    }
}
