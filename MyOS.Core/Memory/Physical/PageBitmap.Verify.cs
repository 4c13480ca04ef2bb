using System.Numerics;

namespace MyOS.Core.Memory.Physical
{
    // The page bitmap's side of the debug checks (InvariantChecks, kernel option verify=1): one
    // group at a time, against the invariant stated on PageBitmap. Read-only except that a group
    // whose Head, Tail and Longest are current is recomputed in place, which leaves them as they
    // were when they were right.
    internal unsafe partial struct PageBitmap
    {
        /// <summary>Groups covered (pages / 512, rounded up).</summary>
        public ulong GroupCount => _groupCount;

        /// <summary>
        /// Checks group <paramref name="g"/>: no free page outside usable RAM, no continuation bit
        /// on a free page, Free exact, its non-empty bit right, and Head, Tail and Longest equal
        /// to its words unless stale. Returns 0 when all hold, else the first broken invariant,
        /// with <paramref name="where"/> the page or group.
        /// </summary>
        public InvariantViolation CheckGroup(ulong g, out ulong where)
        {
            ulong offset = g * WordsPerGroup;
            uint free = 0;
            for (ulong i = 0; i < WordsPerGroup; i++)
            {
                ulong word = _freeBits[offset + i];
                ulong page = (offset + i) << 6;
                ulong notUsable = word & ~_usableBits[offset + i];
                if (notUsable != 0)
                {
                    where = page + (ulong)BitOperations.TrailingZeroCount(notUsable);
                    return InvariantViolation.FreePageNotUsable;
                }
                ulong continued = word & _continuesBits[offset + i];
                if (continued != 0)
                {
                    where = page + (ulong)BitOperations.TrailingZeroCount(continued);
                    return InvariantViolation.ContinuationOnFreePage;
                }
                free += (uint)BitOperations.PopCount(word);
            }
            where = g;
            GroupSummary before = _summary[g];
            if (before.Free != free)
            {
                return InvariantViolation.GroupFreeCount;
            }
            bool markedNonEmpty = (_nonEmptyGroups[g >> 6] & (1UL << (int)(g & 63))) != 0;
            if (markedNonEmpty != (free != 0))
            {
                return InvariantViolation.GroupNonEmptyBit;
            }
            if (before.Longest != GroupSummary.Stale)
            {
                Refresh(g);
                GroupSummary after = _summary[g];
                if (after.Longest != before.Longest || after.Head != before.Head || after.Tail != before.Tail)
                {
                    return InvariantViolation.GroupRuns;
                }
            }
            return 0;
        }

        /// <summary>The sum of every group's Free count.</summary>
        public ulong SummedFreePages()
        {
            ulong total = 0;
            for (ulong g = 0; g < _groupCount; g++)
            {
                total += _summary[g].Free;
            }
            return total;
        }
    }
}
