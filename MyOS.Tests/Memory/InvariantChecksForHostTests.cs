using System;
using System.Runtime.CompilerServices;
using MyOS.Core.Memory;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// Every host test runs the shared allocator code with its debug checks on (the kernel's
    /// verify=1): a broken invariant throws <see cref="BrokenInvariantException"/>, which fails
    /// the test that broke it. Tests that corrupt memory on purpose turn the checks off for the
    /// operations that must see the corruption (<see cref="Suspended"/>).
    /// </summary>
    public static unsafe class InvariantChecksForHostTests
    {
        [ModuleInitializer]
        internal static void EnableForAllTests() => InvariantChecks.Enable(&Throw);

        /// <summary>Runs <paramref name="action"/> with the checks off, then turns them back on.</summary>
        public static void Suspended(Action action)
        {
            InvariantChecks.Disable();
            try
            {
                action();
            }
            finally
            {
                InvariantChecks.Enable(&Throw);
            }
        }

        private static void Throw(InvariantViolation what, uint detail, ulong address) =>
            throw new BrokenInvariantException(what, detail, address);
    }

    /// <summary>A debug check found an allocator invariant broken.</summary>
    public sealed class BrokenInvariantException : Exception
    {
        public BrokenInvariantException(InvariantViolation what, uint detail, ulong address)
            : base($"broken invariant {what} (detail {detail}) at 0x{address:X}")
        {
            What = what;
        }

        /// <summary>Which invariant.</summary>
        public InvariantViolation What { get; }
    }
}
