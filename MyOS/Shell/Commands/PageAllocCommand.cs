using MyOS.Core;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Console;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Physical;

namespace MyOS.Shell.Commands
{
    /// <summary>`pmalloc`: allocate contiguous physical pages as a run owned by the shell (which `pmfree` may free); prints the physical and HHDM addresses</summary>
    public sealed unsafe class PageAllocCommand : ShellCommand
    {
        public override string Name => "pmalloc";
        public override string Usage => "pmalloc <pages>";
        public override string Summary => "allocate contiguous physical pages; prints the physical and HHDM addresses";

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 1, 1))
                return;
            if (!NumberParser.TryParse(words[1], out ulong pages))
            {
                Error("'" + words[1] + "' is not a number (decimal or 0x hex) that fits in 64 bits");
                return;
            }
            PageAllocateResult result = KernelMemory.Pages.TryAllocate(pages, PageOwner.Shell, out ulong address);
            if (result == PageAllocateResult.ZeroPages)
            {
                Error("the page count must be at least 1");
            }
            else if (result != PageAllocateResult.Ok)
            {
                Error("no run of that many free contiguous pages (largest free run: " + Format.Decimal(KernelMemory.Pages.LargestFreeRun()) + " pages)");
            }
            else
            {
                KernelConsole.Write(Format.Hex(address) + " (HHDM " + Format.Hex(DirectMap.Kernel.ToVirtual(new PhysicalAddress(address)).Value) + "), ");
                KernelConsole.WriteLine(Format.Decimal(pages) + " pages");
            }
        }
    }
}
