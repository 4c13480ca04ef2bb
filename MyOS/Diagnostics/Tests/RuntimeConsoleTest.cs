using System;
using System.IO;
using System.Text;

namespace MyOS.Diagnostics.Tests
{
    /// <summary>System.Console writes through the kernel's character hook; the test captures it.</summary>
    public sealed unsafe class RuntimeConsoleTest : KernelTest
    {
        public override string Name => "runtime.console";

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
    }
}
