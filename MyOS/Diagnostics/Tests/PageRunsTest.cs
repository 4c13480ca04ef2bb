using MyOS.Core;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Physical;

namespace MyOS.Diagnostics.Tests
{
    /// <summary>
    /// Contiguous runs through pmalloc / pmfree: ten runs of 1..512 pages are page-aligned, lie in
    /// usable RAM, do not overlap one another, and freeing them restores the counts. Also the
    /// checked free refuses a double free, an unaligned address, another owner's run, part of a
    /// run and a base inside a run without changing state. The longest run is sized to the
    /// machine: at most a twentieth of the largest free run, so all ten fit at once with room to
    /// spare even on the smallest machine that boots.
    /// </summary>
    public sealed unsafe class PageRunsTest : KernelTest
    {
        public override string Name => "pages.contiguous-runs";

        protected override void Execute()
        {
            PhysicalPageAllocator pages = KernelMemory.Pages;
            ulong freeBefore = pages.FreePages;
            ulong* addresses = stackalloc ulong[10];
            ulong* sizes = stackalloc ulong[10];
            TestRandom random = new TestRandom(42);
            ulong longest = pages.LargestFreeRun() / 20;
            if (longest > 512)
                longest = 512;
            if (!Check(longest > 0, "less than 20 contiguous free pages: the machine cannot run this test"))
                return;
            for (int i = 0; i < 10; i++)
            {
                sizes[i] = 1 + random.Below(longest);
                addresses[i] = pages.Allocate(sizes[i]);
                if (!Check(addresses[i] != 0, "pmalloc of a run of at most a twentieth of the largest free run failed"))
                {
                    for (int j = 0; j < i; j++)
                        pages.Free(addresses[j], sizes[j]);
                    return;
                }
                Check((addresses[i] & (PageMath.PageSize - 1)) == 0, "run is not page aligned");
                for (ulong p = 0; p < sizes[i]; p++)
                    Check(pages.QueryPage(addresses[i] + p * PageMath.PageSize) == PageState.Used, "a page of a run is not marked used");
                for (int j = 0; j < i; j++)
                    Check(addresses[i] + sizes[i] * PageMath.PageSize <= addresses[j] || addresses[j] + sizes[j] * PageMath.PageSize <= addresses[i], "two runs overlap");
            }
            Check(pages.TryFree(addresses[0] + 1, 1, PageOwner.Kernel) == PageFreeResult.Unaligned, "checked free accepted an unaligned address");
            Check(pages.TryFree(addresses[0], sizes[0], PageOwner.Shell) == PageFreeResult.NotOwner, "checked free let the shell free a kernel run");
            Check(pages.TryFree(addresses[0], sizes[0] + 1, PageOwner.Kernel) != PageFreeResult.Ok, "checked free ran past a run's end");
            if (sizes[0] > 1)
            {
                Check(pages.TryFree(addresses[0], sizes[0] - 1, PageOwner.Kernel) == PageFreeResult.PartialRun, "checked free accepted part of a run");
                Check(pages.TryFree(addresses[0] + PageMath.PageSize, sizes[0] - 1, PageOwner.Kernel) == PageFreeResult.InsideRun, "checked free accepted a base inside a run");
            }
            for (int i = 0; i < 10; i++)
                Check(pages.TryFree(addresses[i], sizes[i], PageOwner.Kernel) == PageFreeResult.Ok, "checked free of a live run failed");
            Check(pages.TryFree(addresses[0], sizes[0], PageOwner.Kernel) == PageFreeResult.AlreadyFree, "checked free accepted a double free");
            Check(pages.FreePages == freeBefore, "free count not restored");
            Check(pages.Allocate(0) == 0, "pmalloc(0) did not return 0");
        }
    }
}
