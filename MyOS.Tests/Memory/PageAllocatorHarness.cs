using System;
using System.Runtime.InteropServices;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Map;
using MyOS.Core.Memory.Physical;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// Builds an allocator of either kind over a region list, with its metadata in native
    /// memory that is filled with garbage first (so construction must initialise all of it)
    /// and followed by guard bytes (so a test can check the allocator stayed inside it).
    /// </summary>
    public sealed unsafe class PageAllocatorHarness : IDisposable
    {
        private const int GuardBytes = 64;
        private const byte GuardValue = 0xA5;

        private byte* _metadata;
        private readonly ulong _metadataBytes;

        /// <summary>The allocator under test.</summary>
        public PhysicalPageAllocator Allocator { get; }

        /// <summary>The regions the allocator was built from.</summary>
        public MemoryRange[] Regions { get; }

        private PageAllocatorHarness(PageAllocatorKind kind, MemoryRange[] regions, DirectMap directMap, ulong? bytes)
        {
            Regions = regions;
            ulong limit = PhysicalPageAllocator.UsableLimit(regions, regions.Length);
            ulong needed = kind == PageAllocatorKind.Bitmap
                ? PageAllocator.MetadataBytesFor(limit)
                : ByteMapPageAllocator.MetadataBytesFor(limit);
            _metadataBytes = bytes ?? needed;
            // +1 so that a misaligned start is exercised too: the allocator must align itself.
            _metadata = (byte*)NativeMemory.Alloc((nuint)(_metadataBytes + GuardBytes + 1)) + 1;
            new Span<byte>(_metadata, (int)_metadataBytes).Fill(0xCD);
            new Span<byte>(_metadata + _metadataBytes, GuardBytes).Fill(GuardValue);
            Allocator = kind == PageAllocatorKind.Bitmap
                ? new PageAllocator(regions, regions.Length, _metadata, _metadataBytes, directMap)
                : new ByteMapPageAllocator(regions, regions.Length, _metadata, _metadataBytes, directMap);
        }

        /// <summary>An allocator of <paramref name="kind"/> over <paramref name="regions"/>.</summary>
        public static PageAllocatorHarness Create(PageAllocatorKind kind, MemoryRange[] regions,
            DirectMap? directMap = null, ulong? metadataBytes = null)
        {
            return new PageAllocatorHarness(kind, regions, directMap ?? DirectMap.Identity, metadataBytes);
        }

        /// <summary>True while every guard byte after the metadata is untouched.</summary>
        public bool GuardIntact()
        {
            ReadOnlySpan<byte> guard = new ReadOnlySpan<byte>(_metadata + _metadataBytes, GuardBytes);
            return guard.IndexOfAnyExcept(GuardValue) < 0;
        }

        /// <summary>The state of every page in [0, TotalPages), for before/after comparisons.</summary>
        public PageState[] Snapshot()
        {
            var states = new PageState[Allocator.TotalPages];
            for (ulong p = 0; p < Allocator.TotalPages; p++)
            {
                states[p] = Allocator.QueryPage(p << 12);
            }
            return states;
        }

        /// <summary>Every run the allocator reports, walked with NextRun, for before/after comparisons.</summary>
        public PageRun[] Runs()
        {
            var runs = new System.Collections.Generic.List<PageRun>();
            for (bool found = Allocator.NextRun(0, out PageRun run); found; found = Allocator.NextRun(run.Address + run.Pages * 4096, out run))
            {
                runs.Add(run);
            }
            return runs.ToArray();
        }

        public void Dispose()
        {
            if (_metadata != null)
            {
                NativeMemory.Free(_metadata - 1);
                _metadata = null;
            }
        }
    }
}
