using MyOS.Core;
using MyOS.Core.Boot;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Heap;
using MyOS.Core.Memory.Physical;

namespace MyOS.Diagnostics.Tests
{
    /// <summary>
    /// Kernel command-line parsing: options are space separated `name` or `name=value`, matched
    /// whole (no prefix of a name or value matches), extra spaces and a NUL end are handled, a
    /// value may hold '='; and this boot's own command line agrees with what the kernel chose
    /// from it (the page allocator and heap that `pages=` and `heap=` select).
    /// </summary>
    public sealed unsafe class KernelCommandLineTest : KernelTest
    {
        public override string Name => "boot.command-line";

        protected override void Execute()
        {
            CheckLine("pages=bytemap heap=linear  test=hang", "pages", "bytemap", true);
            CheckLine("pages=bytemap heap=linear  test=hang", "test", "hang", true);
            CheckLine("pages=bytemap heap=linear  test=hang", "heap", "line", false);
            CheckLine("pages=bytemap heap=linear  test=hang", "heap", "linearx", false);
            CheckLine("pages=bytemap heap=linear  test=hang", "page", "bytemap", false);
            CheckLine("xpages=bytemap", "pages", "bytemap", false);
            CheckLine("  serial=false  ", "serial", "false", true);
            CheckLine("a=b=c", "a", "b=c", true);
            CheckLine("a=b=c", "a", "b", false);
            CheckLine("empty=", "empty", "", true);
            CheckLine("flag", "flag", "", false);
            CheckLine("a=1\0b=2", "b", "2", false);     // the line ends at a NUL
            CheckName("flag other=1", "flag", true);
            CheckName("flag other=1", "other", true);
            CheckName("flag other=1", "othe", false);
            CheckName("flag other=1", "1", false);
            CheckName("", "flag", false);
            CheckNumber("gcstress=0 test=soak gcstress=25", "gcstress", 25);   // the last one counts
            CheckNumber("soakcommands=20000", "soakcommands", 20000);
            CheckNumber("gcstress=12x", "gcstress", -1);
            CheckNumber("gcstress=", "gcstress", -1);
            CheckNumber("gcstress=99999999999999999999", "gcstress", -1);   // over 64 bits
            CheckNumber("gcstressx=5", "gcstress", -1);

            KernelCommandLine empty = new KernelCommandLine(null, 0);
            Check(!empty.Has("test") && !empty.Has("pages", "bytemap") && empty.Length == 0 && empty[0] == 0,
                "an absent command line names an option");

            // This boot: the allocators follow the command line's options.
            KernelCommandLine boot = KernelBoot.CommandLine;
            bool byteMap = KernelMemory.Pages is ByteMapPageAllocator;
            Check(boot.Has("pages", "bytemap") == byteMap,
                "the command line " + (boot.Has("pages", "bytemap") ? "asks" : "does not ask") + " for pages=bytemap, but the page allocator is " + (byteMap ? "the byte map" : "the bitmap"));
            boot.TryGetNumber("gcstress", out ulong stress);
            Check(stress == MyOS.Runtime.Collector.GarbageCollector.StressInterval,
                "the command line's gcstress is " + stress + " but the collector runs with " + MyOS.Runtime.Collector.GarbageCollector.StressInterval);
            bool linear = KernelMemory.Heap is LinearFirstFitHeap;
            Check(boot.Has("heap", "linear") == linear,
                "the command line " + (boot.Has("heap", "linear") ? "asks" : "does not ask") + " for heap=linear, but the heap is " + (linear ? "the linear list" : "the block heap"));
            bool verify = boot.TryGetNumber("verify", out ulong checks) && checks != 0;
            Check(verify == InvariantChecks.Enabled,
                "the command line " + (verify ? "asks" : "does not ask") + " for verify=1, but the debug checks are " + (InvariantChecks.Enabled ? "on" : "off"));
        }

        private void CheckLine(string text, string name, string value, bool expected)
        {
            byte* bytes = stackalloc byte[MaxText];
            Check(Parse(text, bytes).Has(name, value) == expected,
                "in \"" + Printable(text) + "\", " + name + "=" + value + " should " + (expected ? "" : "not ") + "be found");
        }

        /// <summary><paramref name="expected"/> -1: no number.</summary>
        private void CheckNumber(string text, string name, long expected)
        {
            byte* bytes = stackalloc byte[MaxText];
            bool found = Parse(text, bytes).TryGetNumber(name, out ulong number);
            Check(expected < 0 ? !found && number == 0 : found && number == (ulong)expected,
                "in \"" + text + "\", the number " + name + " should be " + (expected < 0 ? "absent" : expected.ToString()));
        }

        private void CheckName(string text, string name, bool expected)
        {
            byte* bytes = stackalloc byte[MaxText];
            Check(Parse(text, bytes).Has(name) == expected,
                "in \"" + Printable(text) + "\", the option " + name + " should " + (expected ? "" : "not ") + "be found");
        }

        /// <summary>Longest text the checks above pass.</summary>
        private const int MaxText = 64;

        /// <summary>The text as the bytes GRUB would pass, in <paramref name="bytes"/> (the caller's stack, MaxText long).</summary>
        private static KernelCommandLine Parse(string text, byte* bytes)
        {
            for (int i = 0; i < text.Length && i < MaxText; i++)
                bytes[i] = (byte)text[i];
            return new KernelCommandLine(bytes, text.Length < MaxText ? text.Length : MaxText);
        }

        private static string Printable(string text) => text.Replace("\0", "\\0");
    }
}
