using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Arch.X64.Paging;
using MyOS.Core.Boot;
using MyOS.Core.Diagnostics;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Heap;
using MyOS.Core.Memory.Map;
using MyOS.Core.Memory.Physical;

namespace MyOS.Core
{
    /// <summary>
    /// Brings up the memory subsystem from the boot memory map: the page allocator (its bitmap
    /// taken from usable RAM), the kernel's own page tables (all of physical memory at the
    /// direct map, the kernel image in the higher half, nothing in the lower half), and the
    /// kernel heap, which from then on serves every managed `new`.
    /// </summary>
    public static unsafe class KernelMemory
    {
        /// <summary>The physical page allocator (pmalloc / pmfree).</summary>
        public static PhysicalPageAllocator Pages { get; private set; }

        /// <summary>The kernel heap.</summary>
        public static HeapAllocator Heap { get; private set; }

        /// <summary>
        /// The kernel heap again, typed as the block allocator so the runtime's `new` reaches
        /// <see cref="BlockAllocator.AllocateManaged"/> by a direct call; null when the heap is
        /// the linear baseline (heap=linear).
        /// </summary>
        public static BlockAllocator BlockHeap { get; private set; }

        /// <summary>Pages used by the kernel's page tables.</summary>
        public static ulong PageTablePages { get; private set; }

        /// <summary>Sets up pages, page tables and heap, in that order. Panics if memory is too short to boot.</summary>
        public static void Initialize(MemoryMap map, KernelCommandLine options)
        {
            // Cosmos.config's PageAllocator and Heap settings arrive as pages=... and heap=...:
            // the baselines are complete allocators, so the whole kernel can run on them.
            bool byteMapPages = options.Has("pages", "bytemap");
            Pages = CreatePageAllocator(map, byteMapPages);
            SwitchToKernelPageTables(map);
            HeapKind heapKind = options.Has("heap", "linear") ? HeapKind.LinearFirstFit : HeapKind.Block;
            Heap = HeapAllocator.Create(heapKind, new DirectMapPageSource(Pages));
            BlockHeap = Heap as BlockAllocator;
        }

        private static PhysicalPageAllocator CreatePageAllocator(MemoryMap map, bool byteMap)
        {
            // The baseline keeps one byte per page.
            ulong metadataBytes = byteMap
                ? map.HighestUsableEnd / PageMath.PageSize
                : PageAllocator.MetadataBytesFor(map.HighestUsableEnd);
            // The metadata lies in usable RAM that the new allocator then hands to itself as a
            // run owned by AllocatorMetadata, so that it is counted, shown and protected like
            // every other allocated run.
            PhysicalAddress metadata = new PhysicalAddress(map.FindUsable(metadataBytes, PageMath.PageSize));
            if (metadata.IsNull)
                Panic.Fail("no usable RAM is large enough for the page allocator's bitmap");
            MemoryRange[] regions = new MemoryRange[map.Count];
            for (int i = 0; i < map.Count; i++)
                regions[i] = map[i];
            byte* storage = DirectMap.Kernel.ToPointer(metadata);
            PhysicalPageAllocator pages = byteMap
                ? new ByteMapPageAllocator(regions, map.Count, storage, metadataBytes, DirectMap.Kernel)
                : new PageAllocator(regions, map.Count, storage, metadataBytes, DirectMap.Kernel);
            if (!pages.Claim(metadata.Value, PageMath.GetPageCount(metadataBytes), PageOwner.AllocatorMetadata))
                Panic.Fail("the page allocator could not claim the pages of its own metadata");
            return pages;
        }

        private static void SwitchToKernelPageTables(MemoryMap map)
        {
            PageTableBuilder tables = new PageTableBuilder(Pages, DirectMap.Kernel);
            // The first 4 GiB whole (legacy VGA, firmware and device memory live there), then the
            // ranges of the map above it that DirectMap.MapsAboveWholeMapped names: RAM above 4 GiB
            // is reached through the direct map too, and so is a framebuffer there (a PCI BAR).
            tables.Map(DirectMap.Kernel, new PhysicalAddress(0), DirectMap.WholeMappedBytes);
            for (int i = 0; i < map.Count; i++)
            {
                MemoryRange range = map[i];
                if (range.End <= DirectMap.WholeMappedBytes || !DirectMap.MapsAboveWholeMapped(range.Kind))
                {
                    continue;
                }

                ulong start = range.Base < DirectMap.WholeMappedBytes ? DirectMap.WholeMappedBytes : range.Base;
                tables.Map(DirectMap.Kernel, new PhysicalAddress(start), range.End - start);
            }
            ulong imageStart, imageEnd;
            Arch.X64.Bridge.Import.NativeCpu.KernelImageBounds(&imageStart, &imageEnd);
            tables.Map(DirectMap.KernelImage, new PhysicalAddress(imageStart), imageEnd - imageStart);
            if (!tables.Succeeded)
                Panic.Fail("out of pages while building the kernel page tables");
            PageTablePages = tables.TablePages;
            Cpu.WriteCr3(tables.Root);
        }

        /// <summary>
        /// The runtime's allocation entry point once the heap is up: zeroed heap blocks marked as
        /// managed objects, or null when the heap has no room. With the block allocator this is
        /// its fast path (no virtual call); with the linear baseline, the general path.
        /// </summary>
        public static void* AllocateManaged(nuint bytes)
        {
            BlockAllocator heap = BlockHeap;
            return heap != null ? heap.AllocateManaged(bytes) : Heap.AllocateZeroed(bytes, 8, true);
        }
    }
}
