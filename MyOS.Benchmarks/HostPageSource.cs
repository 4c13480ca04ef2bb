using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using MyOS.Core.Memory;

namespace MyOS.Benchmarks
{
    /// <summary>Pages straight from the host for a MyOS heap, remembered so Dispose can free what the heap kept.</summary>
    public sealed unsafe class HostPageSource : PageSource, IDisposable
    {
        /// <summary>Runs handed out and not yet returned.</summary>
        private readonly HashSet<IntPtr> runs = new HashSet<IntPtr>();

        public override byte* AllocatePages(ulong pages)
        {
            byte* run = (byte*)NativeMemory.AlignedAlloc((nuint)(pages * PageSize), (nuint)PageSize);
            if (run != null)
                runs.Add((IntPtr)run);
            return run;
        }

        public override void FreePages(byte* pointer, ulong pages)
        {
            runs.Remove((IntPtr)pointer);
            NativeMemory.AlignedFree(pointer);
        }

        public void Dispose()
        {
            foreach (IntPtr run in runs)
                NativeMemory.AlignedFree((void*)run);
            runs.Clear();
        }
    }
}
