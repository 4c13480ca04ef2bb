using System.Numerics;

namespace MyOS.Core.Memory.Physical
{
    // The page bitmap's read-only queries: a page's state, a run's owner, start and end, the
    // next used page, whether a range is all free. They read the bits and change nothing.
    internal unsafe partial struct PageBitmap
    {
        /// <summary>The owner recorded at run start <paramref name="start"/>.</summary>
        public PageOwner Owner(ulong start)
        {
            return (PageOwner)_owners[start];
        }

        /// <summary>The first page of the run holding used page <paramref name="page"/>: the nearest page at or below it without a continuation bit.</summary>
        public ulong RunStartAtOrBelow(ulong page)
        {
            long word = (long)(page >> 6);
            ulong starts = ~_continuesBits[word] & (ulong.MaxValue >> (int)(63 - (page & 63)));
            while (starts == 0 && word > 0)
            {
                word--;
                starts = ~_continuesBits[word];
            }
            // Page 0 is never used, so some page at or below a used page has no continuation bit.
            return starts == 0 ? 0 : ((ulong)word << 6) + (ulong)(63 - BitOperations.LeadingZeroCount(starts));
        }

        /// <summary>One past the last page of the run starting at <paramref name="start"/>: the next page above it without a continuation bit.</summary>
        public ulong RunEndAfter(ulong start)
        {
            ulong page = start + 1;
            ulong words = _groupCount * WordsPerGroup;
            for (ulong word = page >> 6; word < words; word++)
            {
                ulong stops = ~_continuesBits[word] & (ulong.MaxValue << (int)(page & 63));
                if (stops != 0)
                {
                    return (word << 6) + (ulong)BitOperations.TrailingZeroCount(stops);
                }
                page = (word + 1) << 6;
            }
            return words << 6;
        }

        /// <summary>The lowest used page at or above <paramref name="page"/>, or the end of the covered groups.</summary>
        public ulong NextUsed(ulong page)
        {
            ulong words = _groupCount * WordsPerGroup;
            for (ulong word = page >> 6; word < words; word++)
            {
                ulong used = _usableBits[word] & ~_freeBits[word] & (ulong.MaxValue << (int)(page & 63));
                if (used != 0)
                {
                    return (word << 6) + (ulong)BitOperations.TrailingZeroCount(used);
                }
                page = (word + 1) << 6;
            }
            return words << 6;
        }

        /// <summary>True when every page of [first, first + n) is free.</summary>
        public bool AllFree(ulong first, ulong n)
        {
            ulong end = first + n;
            for (ulong page = first; page < end;)
            {
                ulong word = page >> 6;
                ulong take = RunInWord(page, end);
                ulong mask = WordRuns.Mask((int)(page & 63), take);
                if ((mask & ~_freeBits[word]) != 0)
                {
                    return false;
                }
                page += take;
            }
            return true;
        }

        /// <summary>Reserved, Free or Used for a page inside the covered groups.</summary>
        public PageState State(ulong page)
        {
            ulong word = page >> 6;
            ulong bit = 1UL << (int)(page & 63);
            if ((_usableBits[word] & bit) == 0)
            {
                return PageState.Reserved;
            }
            return (_freeBits[word] & bit) != 0 ? PageState.Free : PageState.Used;
        }
    }
}
