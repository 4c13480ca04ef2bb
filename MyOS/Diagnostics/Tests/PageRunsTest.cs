using MyOS.Core;
using MyOS.Core.Memory;

namespace MyOS.Diagnostics.Tests
{
    /// <summary>
    /// Contiguous runs through pmalloc / pmfree: runs of 1..512 pages are page-aligned, lie in
    /// usable RAM, do not overlap one another, and freeing them restores the counts. Also the
    /// checked free refuses a double free, an unaligned address, another owner's run, part of a
    /// run and a base inside a run without changing state.
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
            for (int i = 0; i < 10; i++)
            {
                sizes[i] = 1 + random.Below(512);
                addresses[i] = pages.Allocate(sizes[i]);
                Check(addresses[i] != 0, "pmalloc of a run up to 512 pages failed");
                Check((addresses[i] & (AddressSpace.PageSize - 1)) == 0, "run is not page aligned");
                for (ulong p = 0; p < sizes[i]; p++)
                    Check(pages.QueryPage(addresses[i] + p * AddressSpace.PageSize) == PageState.Used, "a page of a run is not marked used");
                for (int j = 0; j < i; j++)
                    Check(addresses[i] + sizes[i] * AddressSpace.PageSize <= addresses[j] || addresses[j] + sizes[j] * AddressSpace.PageSize <= addresses[i], "two runs overlap");
            }
            Check(pages.TryFree(addresses[0] + 1, 1, PageOwner.Kernel) == PageFreeResult.Unaligned, "checked free accepted an unaligned address");
            Check(pages.TryFree(addresses[0], sizes[0], PageOwner.Shell) == PageFreeResult.NotOwner, "checked free let the shell free a kernel run");
            Check(pages.TryFree(addresses[0], sizes[0] + 1, PageOwner.Kernel) != PageFreeResult.Ok, "checked free ran past a run's end");
            if (sizes[0] > 1)
            {
                Check(pages.TryFree(addresses[0], sizes[0] - 1, PageOwner.Kernel) == PageFreeResult.PartialRun, "checked free accepted part of a run");
                Check(pages.TryFree(addresses[0] + AddressSpace.PageSize, sizes[0] - 1, PageOwner.Kernel) == PageFreeResult.InsideRun, "checked free accepted a base inside a run");
            }
            for (int i = 0; i < 10; i++)
                Check(pages.TryFree(addresses[i], sizes[i], PageOwner.Kernel) == PageFreeResult.Ok, "checked free of a live run failed");
            Check(pages.TryFree(addresses[0], sizes[0], PageOwner.Kernel) == PageFreeResult.AlreadyFree, "checked free accepted a double free");
            Check(pages.FreePages == freeBefore, "free count not restored");
            Check(pages.Allocate(0) == 0, "pmalloc(0) did not return 0");
        }
    }
}
