using MyOS.Core;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Console;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Physical;

namespace MyOS.Shell.Commands
{
    /// <summary>
    /// `pmfree`: free a whole run that `pmalloc` allocated. Checked: refuses, naming why, a bad
    /// address, a reserved or free page, a run of another owner (page tables, heap, allocator
    /// metadata, ...) and a range that does not match the run's start and length.
    /// </summary>
    public sealed unsafe class PageFreeCommand : ShellCommand
    {
        public override string Name => "pmfree";
        public override string Usage => "pmfree <address> <pages>";
        public override string Summary => "free a whole run from pmalloc (checked: owner, run start and length, double free)";

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 2, 2))
                return;
            if (!NumberParser.TryParse(words[1], out ulong address) || !NumberParser.TryParse(words[2], out ulong pages))
            {
                Error("address and page count must be numbers (decimal or 0x hex) that fit in 64 bits");
                return;
            }
            PageFreeResult result = KernelMemory.Pages.TryFree(address, pages, PageOwner.Shell);
            if (result == PageFreeResult.Ok)
                KernelConsole.WriteLine("freed " + Format.Decimal(pages) + " pages at " + Format.Hex(address));
            else
                Error(Describe(result, address, pages));
        }

        /// <summary>Why TryFree refused, with the page and run it is about.</summary>
        private static string Describe(PageFreeResult result, ulong address, ulong pages)
        {
            PhysicalPageAllocator allocator = KernelMemory.Pages;
            PageRun run;
            allocator.TryGetRun(address, out run);
            string runText = "the run at " + Format.Hex(run.Address) + " has " + Format.Decimal(run.Pages) + " pages";
            ulong next = run.Address + (run.Pages << PageMath.PageShift);
            switch (result)
            {
                case PageFreeResult.ZeroPages: return "the page count must be at least 1";
                case PageFreeResult.Unaligned: return "the address is not page aligned (4096)";
                case PageFreeResult.Overflow: return "address + size wraps past 2^64";
                case PageFreeResult.OutOfRange: return "the range is outside managed RAM (it ends at " + Format.Hex(allocator.TotalPages << PageMath.PageShift) + ")";
                case PageFreeResult.Reserved: return "page " + Format.Hex(address) + " is reserved: " + PageOwnership.ReservedFor(address);
                case PageFreeResult.AlreadyFree: return "page " + Format.Hex(address) + " is already free (never allocated, or a double free)";
                case PageFreeResult.NotOwner:
                    return "page " + Format.Hex(address) + " belongs to " + PageOwnership.Phrase(run.Owner) + ", not to pmalloc";
                case PageFreeResult.InsideRun:
                    return Format.Hex(address) + " is inside the run at " + Format.Hex(run.Address) + " (" + Format.Decimal(run.Pages)
                        + " pages); free it whole from its start";
                case PageFreeResult.PartialRun:
                    return runText + ", not " + Format.Decimal(pages) + "; free it whole";
                case PageFreeResult.CrossesRun:
                    return runText + "; " + Format.Decimal(pages) + " would cross into the run at " + Format.Hex(next)
                        + " of " + PageOwnership.Phrase(allocator.OwnerOf(next));
                case PageFreeResult.PastRunEnd:
                    return runText + "; " + Format.Decimal(pages) + " would run past its end into " + Format.Hex(next)
                        + " (" + (allocator.QueryPage(next) == PageState.Free ? "free" : "reserved") + ")";
                default: return "the pages could not be freed";
            }
        }
    }
}
