using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace MyOS.Shell.Commands
{
    /// <summary>
    /// `throw`: a command that fails on purpose, for the tests of the shell's exception handler
    /// (only present with the boot option test=shell-throw): a thrown exception, a null
    /// dereference, a division by zero, or memory exhausted by objects the command keeps.
    /// </summary>
    public sealed class ThrowCommand : ShellCommand
    {
        /// <summary>What `throw memory` took, kept so it stays taken (nothing is collected yet).</summary>
        private readonly List<byte[]> _kept = new List<byte[]>();

        private sealed class Holder
        {
            public int Value;
        }

        public override string Name => "throw";
        public override string Usage => "throw managed|null|divide|memory";
        public override string Summary => "fail on purpose (test=shell-throw): an exception, a fault, memory exhausted";

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 1, 1))
                return;
            string kind = words[1];
            if (kind == "managed")
                throw new InvalidOperationException("thrown on purpose by the throw command");
            if (kind == "null")
            {
                Console.WriteLine(ReadField(null));
            }
            else if (kind == "divide")
            {
                Console.WriteLine(Divide(1, 0));
            }
            else if (kind == "memory")
            {
                while (true)
                    _kept.Add(new byte[64 * 1024]);
            }
            else
            {
                Error("unknown kind '" + kind + "'; expected managed, null, divide or memory");
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int ReadField(Holder holder) => holder.Value;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Divide(int a, int b) => a / b;
    }
}
