using MyOS.Core;
using MyOS.Core.Console;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Physical;

namespace MyOS.Shell.Commands
{
    /// <summary>
    /// `memtest [pages]`: takes free pages from the page allocator and tests them through the
    /// direct map with classic patterns: walking ones (the first 64 words of each page),
    /// address-in-address and its inverse (every word). Shows a progress bar, reports bad
    /// addresses, and gives every page back.
    /// </summary>
    public sealed unsafe class MemTestCommand : ShellCommand
    {
        private const ulong DefaultPages = 1024;
        private const int MaxReported = 8;

        public override string Name => "memtest";
        public override string Usage => "memtest [pages]";
        public override string Summary => "test free pages with walking-ones, address and inverse patterns";

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 0, 1))
                return;
            ulong wanted = DefaultPages;
            if (count == 2 && !NumberParser.TryParse(words[1], out wanted))
            {
                Error("'" + words[1] + "' is not a number (decimal or 0x hex) that fits in 64 bits");
                return;
            }
            PhysicalPageAllocator pages = KernelMemory.Pages;
            if (wanted == 0 || wanted > pages.FreePages)
            {
                Error("the page count must be from 1 to the free pages (" + Format.Decimal(pages.FreePages) + ")");
                return;
            }
            // Take the pages one at a time, chained through their first word.
            ulong chain = 0;
            for (ulong i = 0; i < wanted; i++)
            {
                ulong page = pages.Allocate(1);
                *(ulong*)DirectMap.Kernel.ToPointer(new PhysicalAddress(page)) = chain;
                chain = page;
            }
            ulong bad = 0, done = 0;
            KernelConsole.Write("[");
            int shown = 0;
            for (ulong page = chain; page != 0;)
            {
                ulong* words64 = (ulong*)DirectMap.Kernel.ToPointer(new PhysicalAddress(page));
                ulong next = words64[0];
                bad += TestPage(page, words64);
                words64[0] = next;
                page = next;
                done++;
                while (shown < (int)(done * 40 / wanted))
                {
                    KernelConsole.Write('#');
                    shown++;
                }
            }
            KernelConsole.WriteLine("]");
            for (ulong page = chain; page != 0;)
            {
                ulong next = *(ulong*)DirectMap.Kernel.ToPointer(new PhysicalAddress(page));
                pages.Free(page, 1);
                page = next;
            }
            KernelConsole.Write("memtest: " + Format.Decimal(wanted) + " pages tested, ");
            KernelConsole.WriteLine(Format.Decimal(bad) + " bad words");
        }

        /// <summary>Runs the patterns over one page; returns the number of bad words (the first few are printed).</summary>
        private static ulong TestPage(ulong physical, ulong* words)
        {
            ulong bad = 0;
            for (int word = 0; word < 64; word++)
            {
                for (int bit = 0; bit < 64; bit++)
                {
                    ulong pattern = 1UL << bit;
                    words[word] = pattern;
                    if (words[word] != pattern)
                        bad += Report(physical, word, bad);
                }
            }

            for (int word = 0; word < 512; word++)
                words[word] = physical + (ulong)word * 8;
            for (int word = 0; word < 512; word++)
            {
                if (words[word] != physical + (ulong)word * 8)
                    bad += Report(physical, word, bad);
            }

            for (int word = 0; word < 512; word++)
                words[word] = ~(physical + (ulong)word * 8);
            for (int word = 0; word < 512; word++)
            {
                if (words[word] != ~(physical + (ulong)word * 8))
                    bad += Report(physical, word, bad);
            }

            return bad;
        }

        private static ulong Report(ulong physical, int word, ulong badSoFar)
        {
            if (badSoFar < MaxReported)
                KernelConsole.WriteLine("bad word at " + Format.Hex(physical + (ulong)word * 8));
            return 1;
        }
    }
}
