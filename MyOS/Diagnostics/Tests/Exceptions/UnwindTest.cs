using System;
using System.Runtime.CompilerServices;

namespace MyOS.Diagnostics.Tests.Exceptions
{
    /// <summary>
    /// The unwind itself: values the catching method keeps in callee-saved registers are
    /// intact after the catch; a throw 200 frames deep is caught with every frame's finally
    /// run; the stack pointer is back where it was (a loop of deep throws does not grow it).
    /// </summary>
    public sealed class UnwindTest : KernelTest
    {
        public override string Name => "exceptions.unwind";

        private int _finallies;

        protected override void Execute()
        {
            long a = Seed(3), b = Seed(5), c = Seed(7), d = Seed(11), e = Seed(13), f = Seed(17);
            long before = a * 1 + b * 2 + c * 3 + d * 4 + e * 5 + f * 6;
            int caught = 0;
            for (int i = 0; i < 3; i++)
            {
                try
                {
                    Clobber(i);
                }
                catch (InvalidOperationException)
                {
                    caught++;
                }
                a += 1; b += 1; c += 1; d += 1; e += 1; f += 1;
            }
            long after = a * 1 + b * 2 + c * 3 + d * 4 + e * 5 + f * 6;
            Check(caught == 3 && after == before + 3 * 21,
                "locals live across the try are intact after each catch: " + after.ToString() + " expected " + (before + 63).ToString());

            _finallies = 0;
            ulong spBefore = Core.Arch.X64.Hardware.Cpu.ReadStackPointer();
            int depthReached = 0;
            for (int round = 0; round < 5; round++)
            {
                try
                {
                    Recurse(200);
                }
                catch (ArgumentException ex)
                {
                    depthReached = int.Parse(ex.Message);
                }
            }
            ulong spAfter = Core.Arch.X64.Hardware.Cpu.ReadStackPointer();
            Check(depthReached == 200, "the throw came from 200 frames down: " + depthReached.ToString());
            Check(_finallies == 5 * 200, "every frame's finally ran once per throw: " + _finallies.ToString());
            Check(spAfter == spBefore, "the stack pointer is back after five 200-frame unwinds");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long Seed(long value) => value;

        /// <summary>Uses many registers, then throws from deeper down.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long Clobber(int round)
        {
            long x1 = round + 100, x2 = round + 200, x3 = round + 300, x4 = round + 400, x5 = round + 500, x6 = round + 600;
            for (int i = 0; i < 10; i++)
            {
                x1 = x1 * 3 + x6; x2 = x2 * 5 + x1; x3 = x3 * 7 + x2;
                x4 = x4 * 11 + x3; x5 = x5 * 13 + x4; x6 = x6 * 17 + x5;
            }
            Thrower.ThrowFrom(3, new InvalidOperationException("clobber"));
            return x1 + x2 + x3 + x4 + x5 + x6;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private int Recurse(int depth)
        {
            try
            {
                if (depth == 1)
                    throw new ArgumentException("200");
                return Recurse(depth - 1) + 1;
            }
            finally
            {
                _finallies++;
            }
        }
    }
}
