using MyOS.Core;
using MyOS.Core.Console;
using MyOS.Core.Hardware;
using MyOS.Core.Memory;

namespace MyOS.Shell.Commands
{
    /// <summary>`pmfree`: free pages (checked: refuses bad addresses and double frees)</summary>
    public sealed unsafe class PageFreeCommand : ShellCommand
    {
        public override string Name => "pmfree";
        public override string Usage => "pmfree <address> <pages>";
        public override string Summary => "free pages (checked: refuses bad addresses and double frees)";

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 2, 2))
                return;
            if (!NumberParser.TryParse(words[1], out ulong address) || !NumberParser.TryParse(words[2], out ulong pages))
            {
                Error("address and page count must be numbers (decimal or 0x hex) that fit in 64 bits");
                return;
            }
            PageFreeResult result = KernelMemory.Pages.TryFree(address, pages);
            if (result == PageFreeResult.Ok)
                KernelConsole.WriteLine("freed " + Format.Decimal(pages) + " pages at " + Format.Hex(address));
            else
                Error(Describe(result));
        }

        private static string Describe(PageFreeResult result)
        {
            switch (result)
            {
                case PageFreeResult.ZeroPages: return "the page count must be at least 1";
                case PageFreeResult.Unaligned: return "the address is not page aligned (4096)";
                case PageFreeResult.OutOfRange: return "the range is outside managed RAM";
                case PageFreeResult.Reserved: return "the range touches reserved memory";
                case PageFreeResult.AlreadyFree: return "a page in the range is already free (never allocated, or a double free)";
                case PageFreeResult.Overflow: return "address + size wraps past 2^64";
                default: return "the pages could not be freed";
            }
        }
    }
}
