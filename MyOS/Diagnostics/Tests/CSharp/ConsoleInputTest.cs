using System;
using MyOS.Core.Input;

namespace MyOS.Diagnostics.Tests.CSharp
{
    /// <summary>
    /// Console.ReadLine through the kernel's line discipline: the test puts keys into the input
    /// queue as the keyboard would (a typo and a Backspace included) and reads them back as a line.
    /// </summary>
    public sealed class ConsoleInputTest : KernelTest
    {
        public override string Name => "csharp.console-readline";

        protected override void Execute()
        {
            foreach (char c in "hellp")
                InputQueue.Put(c);
            InputQueue.Put(Keys.Backspace);
            foreach (char c in "o, kernel")
                InputQueue.Put(c);
            InputQueue.Put(Keys.Enter);
            Console.Write("(typed by the test) ");
            string line = Console.ReadLine();
            Check(line == "hello, kernel", "Console.ReadLine: \"" + line + "\"");
        }
    }
}
