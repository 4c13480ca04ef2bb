using System;
using MyOS.Core.Input;

namespace MyOS.Diagnostics.Tests.CSharp
{
    /// <summary>
    /// Console.ReadLine and Console.ReadKey on the kernel's terminal: the test puts keys into the
    /// input queue as the keyboard would (a typo and a Backspace included) and reads them back as
    /// a line, then as single keys.
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

            Check(!Console.KeyAvailable, "Console.KeyAvailable is false with nothing typed");
            InputQueue.Put(Keys.Up);
            InputQueue.Put('x');
            Check(Console.KeyAvailable, "Console.KeyAvailable is true once a key is typed");
            ConsoleKeyInfo up = Console.ReadKey(intercept: true);
            ConsoleKeyInfo x = Console.ReadKey(intercept: true);
            Check(up.Key == ConsoleKey.UpArrow && x.KeyChar == 'x' && x.Key == ConsoleKey.X, "Console.ReadKey: " + up.Key + ", " + x.Key);
        }
    }
}
