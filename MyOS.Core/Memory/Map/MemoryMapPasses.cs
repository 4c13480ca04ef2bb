namespace MyOS.Core.Memory.Map
{
    /// <summary>
    /// The rebuild steps MemoryMap chains: each reads a range list and writes a new one into
    /// another array, merging neighbours of the same kind as it goes. Each returns the new count,
    /// or -1 when the output array is too small (the caller then keeps its old map).
    /// </summary>
    internal static class MemoryMapPasses
    {
        // ulong.MaxValue, spelled out: MyOS.Runtime's UInt64 declares no members.
        private const ulong UInt64Max = 0xFFFFFFFFFFFFFFFF;

        /// <summary>
        /// Writes the non-overlapping map of src[0..n) (sorted by Base) into dst. Every boundary
        /// of every entry is a cut point; each piece between two cut points gets the highest-ranked
        /// kind of the entries covering it, or is a hole. Returns the count, or -1 if dst is full.
        /// </summary>
        internal static int Sweep(MemoryRange[] src, int n, ulong[] points, MemoryRange[] dst)
        {
            int pointCount = 0;
            for (int i = 0; i < n; i++)
            {
                points[pointCount++] = src[i].Base;
                points[pointCount++] = src[i].End;
            }
            MemoryRangeList.SortValues(points, pointCount);

            int count = 0;
            for (int p = 0; p + 1 < pointCount; p++)
            {
                ulong a = points[p], b = points[p + 1];
                if (a == b)
                    continue;
                // Boundaries are cut points, so an entry that covers a and reaches b covers [a, b).
                int bestRank = 0;
                MemoryKind best = MemoryKind.Usable;
                for (int i = 0; i < n && src[i].Base <= a; i++)
                {
                    if (src[i].End >= b && MemoryKindPriority.Rank(src[i].Kind) > bestRank)
                    {
                        bestRank = MemoryKindPriority.Rank(src[i].Kind);
                        best = src[i].Kind;
                    }
                }
                if (bestRank > 0 && !MemoryRangeList.Append(dst, ref count, a, b - a, best))
                    return -1;
            }
            return count;
        }

        /// <summary>Copies src to dst with each Usable range shrunk to whole pages; the cut-off slivers become Reserved.</summary>
        internal static int ClipUsableToPages(MemoryRange[] src, int n, MemoryRange[] dst)
        {
            int count = 0;
            for (int i = 0; i < n; i++)
            {
                MemoryRange r = src[i];
                bool ok;
                if (r.Kind != MemoryKind.Usable)
                {
                    ok = MemoryRangeList.Append(dst, ref count, r.Base, r.Length, r.Kind);
                }
                else
                {
                    ulong start = AlignUp(r.Base, PageMath.PageSize);
                    ulong end = AlignDown(r.End, PageMath.PageSize);
                    if (start >= end)
                    {
                        ok = MemoryRangeList.Append(dst, ref count, r.Base, r.Length, MemoryKind.Reserved);
                    }
                    else
                    {
                        ok = MemoryRangeList.Append(dst, ref count, r.Base, start - r.Base, MemoryKind.Reserved)
                            && MemoryRangeList.Append(dst, ref count, start, end - start, MemoryKind.Usable)
                            && MemoryRangeList.Append(dst, ref count, end, r.End - end, MemoryKind.Reserved);
                    }
                }
                if (!ok)
                    return -1;
            }
            return count;
        }

        /// <summary>Copies src to dst with the Usable bytes inside [start, end) turned into kind. Returns the count or -1.</summary>
        internal static int ConvertUsable(MemoryRange[] src, int n, MemoryRange[] dst, ulong start, ulong end, MemoryKind kind)
        {
            int count = 0;
            for (int i = 0; i < n; i++)
            {
                MemoryRange r = src[i];
                bool ok;
                if (r.Kind != MemoryKind.Usable || r.End <= start || r.Base >= end)
                {
                    ok = MemoryRangeList.Append(dst, ref count, r.Base, r.Length, r.Kind);
                }
                else
                {
                    ulong low = r.Base > start ? r.Base : start;
                    ulong high = r.End < end ? r.End : end;
                    ok = MemoryRangeList.Append(dst, ref count, r.Base, low - r.Base, MemoryKind.Usable)
                        && MemoryRangeList.Append(dst, ref count, low, high - low, kind)
                        && MemoryRangeList.Append(dst, ref count, high, r.End - high, MemoryKind.Usable);
                }
                if (!ok)
                    return -1;
            }
            return count;
        }

        /// <summary>value rounded down to a multiple of align (a power of two).</summary>
        internal static ulong AlignDown(ulong value, ulong align)
        {
            return value & ~(align - 1);
        }

        /// <summary>value rounded up to a multiple of align (a power of two); saturates at the top
        /// aligned address instead of wrapping to 0.</summary>
        internal static ulong AlignUp(ulong value, ulong align)
        {
            if (value > UInt64Max - (align - 1))
                return AlignDown(UInt64Max, align);
            return (value + align - 1) & ~(align - 1);
        }
    }
}
