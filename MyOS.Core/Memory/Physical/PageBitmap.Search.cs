using System.Numerics;

namespace MyOS.Core.Memory.Physical
{
    // The searching half of PageBitmap (fields, layout and updates are in PageBitmap.cs).
    //
    // A run of n free pages is searched group by group, lowest address first, carrying
    // `run`: the free pages directly below the group being looked at.
    //   - empty group:      run = 0; jump to the next non-empty group (64 groups per tzcnt)
    //   - fully free group: run += 512 (if that reaches n, the run started at start - run)
    //   - partial group:    a fit can only end in its Head (run + Head >= n), lie inside it
    //                       (Longest >= n), or go on from its Tail (run = Tail). When the
    //                       summary is fresh these three numbers decide and the words are
    //                       read only for an inner fit; when it is stale, the words are
    //                       walked directly, and if no fit is there the summary is
    //                       recomputed so that the next search passes over the group.
    // A search may start inside a group (at a run hint, see RunHints): that group's words are
    // walked from the start page on, with the pages below it masked off, unless its fresh
    // summary shows no fit inside it; then the search goes on group by group as above.
    internal unsafe partial struct PageBitmap
    {
        /// <summary>The first group at or after <paramref name="from"/> with a free page, or groupCount if none.</summary>
        public ulong NextNonEmptyGroup(ulong from)
        {
            if (from >= _groupCount)
            {
                return _groupCount;
            }
            ulong index = from >> 6;
            ulong bits = _nonEmptyGroups[index] & (ulong.MaxValue << (int)(from & 63));
            while (bits == 0)
            {
                index++;
                if (index >= _nonEmptyWordCount)
                {
                    return _groupCount;
                }
                bits = _nonEmptyGroups[index];
            }
            return (index << 6) + (ulong)BitOperations.TrailingZeroCount(bits);
        }

        /// <summary>
        /// FindRun's fast path, small enough to be inlined: for <paramref name="n"/> &lt;= 64, the
        /// lowest run of n free pages that starts in the word holding page <paramref name="from"/>,
        /// at or above it, and lies inside that word; 0 if there is none (then call FindRun).
        /// When it finds one, that is the lowest fit at or above <paramref name="from"/>: a run
        /// that crosses into the next word starts higher. A repeated small request, which starts
        /// at its run hint just below the run it found last time, is usually served here.
        /// </summary>
        public ulong FindRunInWord(ulong n, ulong from)
        {
            if (n > 64 || from >= _groupCount << GroupShift)
            {
                return 0;
            }
            ulong w = from >> 6;
            ulong starts = WordRuns.RunStarts(_freeBits[w] & (ulong.MaxValue << (int)(from & 63)), n);
            return starts == 0 ? 0 : (w << 6) + (ulong)BitOperations.TrailingZeroCount(starts);
        }

        /// <summary>
        /// The first page of the lowest run of <paramref name="n"/> free pages that starts at or
        /// above page <paramref name="from"/>, or 0 if none fits. The caller guarantees that no
        /// run of n free pages starts below <paramref name="from"/> (pages below may be free), so
        /// this is the lowest run in memory. 0 is safe as "none": page 0 is never free, so no
        /// run can start there.
        /// </summary>
        public ulong FindRun(ulong n, ulong from)
        {
            ulong run = 0; // free pages directly below group g's first page (from `from` on), which a run may extend
            ulong g = from >> GroupShift;
            ulong offset = from & (PagesPerGroup - 1);
            if (offset != 0)
            {
                // Starting inside group g: only its pages from `from` on count.
                if (g >= _groupCount)
                {
                    return 0;
                }
                GroupSummary* s = _summary + g;
                if (s->Free == PagesPerGroup)
                {
                    run = PagesPerGroup - offset;
                    if (run >= n)
                    {
                        return from;
                    }
                }
                else if (s->Free != 0)
                {
                    if (s->Longest != GroupSummary.Stale && s->Longest < n)
                    {
                        // No fit inside the group: only its tail (the part at or above `from`) goes on.
                        run = Min(s->Tail, PagesPerGroup - offset);
                    }
                    else
                    {
                        ulong found = WalkWords(g, (int)(offset >> 6), ulong.MaxValue << (int)(offset & 63), n, ref run);
                        if (found != 0)
                        {
                            return found;
                        }
                    }
                }
                g++;
            }
            if (run == 0)
            {
                g = NextNonEmptyGroup(g);
            }
            while (g < _groupCount)
            {
                GroupSummary* s = _summary + g;
                ulong start = g << GroupShift;
                if (s->Free == 0)
                {
                    run = 0;
                    g = NextNonEmptyGroup(g + 1);
                    continue;
                }
                if (s->Free == PagesPerGroup)
                {
                    if (run + PagesPerGroup >= n)
                    {
                        return start - run;
                    }
                    run += PagesPerGroup;
                }
                else if (s->Longest != GroupSummary.Stale)
                {
                    if (run + s->Head >= n) // with run == 0 this is a fit at the group's start
                    {
                        return start - run;
                    }
                    if (s->Longest >= n)
                    {
                        return WalkGroup(g, n, ref run); // finds the inner fit the summary promises
                    }
                    run = s->Tail;
                }
                else if (s->Free < n)
                {
                    // Stale, but too few free pages for an inner fit: only the ends matter.
                    if (run != 0 && run + HeadFree(g) >= n)
                    {
                        return start - run;
                    }
                    run = TailFree(g);
                }
                else
                {
                    // Stale: looking costs about what recomputing would, and small requests
                    // usually fit in the first group they meet, so look first.
                    ulong found = WalkGroup(g, n, ref run);
                    if (found != 0)
                    {
                        return found;
                    }
                    Refresh(g);
                }
                g++;
            }
            return 0;
        }

        /// <summary>Length of the longest free run: one pass over the summaries, O(groups).</summary>
        public ulong LongestFreeRun()
        {
            ulong best = 0;
            ulong run = 0; // free pages directly below group g's first page
            for (ulong g = NextNonEmptyGroup(0); g < _groupCount; g++)
            {
                GroupSummary* s = _summary + g;
                if (s->Free == 0)
                {
                    best = Max(best, run);
                    run = 0;
                    g = NextNonEmptyGroup(g + 1) - 1; // the loop's g++ lands on it
                    continue;
                }
                if (s->Free == PagesPerGroup)
                {
                    run += PagesPerGroup;
                    continue;
                }
                if (s->Longest == GroupSummary.Stale)
                {
                    Refresh(g);
                }
                best = Max(best, Max(run + s->Head, s->Longest));
                run = s->Tail;
            }
            return Max(best, run);
        }

        /// <summary>
        /// Walks group g's words looking for n free pages in a row, continuing a run of
        /// <paramref name="run"/> free pages from below. Returns the run's first page, or 0
        /// with <paramref name="run"/> set to the free pages at the group's end.
        /// </summary>
        private ulong WalkGroup(ulong g, ulong n, ref ulong run)
        {
            return WalkWords(g, 0, ulong.MaxValue, n, ref run);
        }

        /// <summary>
        /// WalkGroup from word <paramref name="firstWord"/> of the group on, with the pages of
        /// that word outside <paramref name="firstMask"/> taken as used (a search that starts
        /// inside the word).
        /// </summary>
        private ulong WalkWords(ulong g, int firstWord, ulong firstMask, ulong n, ref ulong run)
        {
            ulong* words = _freeBits + g * WordsPerGroup;
            ulong page = (g << GroupShift) + (ulong)(firstWord << 6);
            for (int i = firstWord; i < WordsPerGroup; i++, page += 64)
            {
                ulong word = words[i] & firstMask;
                firstMask = ulong.MaxValue;
                if (word == ulong.MaxValue)
                {
                    if (run + 64 >= n)
                    {
                        return page - run;
                    }
                    run += 64;
                    continue;
                }
                if (run + WordRuns.LowRun(word) >= n)
                {
                    return page - run; // the run from below ends in this word (or starts at bit 0)
                }
                if (n < 64)
                {
                    ulong starts = WordRuns.RunStarts(word, n);
                    if (starts != 0)
                    {
                        return page + (ulong)BitOperations.TrailingZeroCount(starts);
                    }
                }
                run = WordRuns.HighRun(word);
            }
            return 0;
        }

        /// <summary>Recomputes Head, Tail and Longest of group g from its words.</summary>
        private void Refresh(ulong g)
        {
            ulong* words = _freeBits + g * WordsPerGroup;
            ulong longest = 0;
            ulong run = 0; // free pages directly below word i
            for (int i = 0; i < WordsPerGroup; i++)
            {
                ulong word = words[i];
                if (word == ulong.MaxValue)
                {
                    run += 64;
                    continue;
                }
                longest = Max(longest, Max(run + WordRuns.LowRun(word), WordRuns.LongestRun(word)));
                run = WordRuns.HighRun(word);
            }
            GroupSummary* s = _summary + g;
            s->Head = (ushort)HeadFree(g);
            s->Tail = (ushort)run;
            s->Longest = (ushort)Max(longest, run);
        }

        /// <summary>Free pages at the start of group g, read from its words.</summary>
        private ulong HeadFree(ulong g)
        {
            ulong* words = _freeBits + g * WordsPerGroup;
            ulong count = 0;
            for (int i = 0; i < WordsPerGroup; i++)
            {
                if (words[i] != ulong.MaxValue)
                {
                    return count + WordRuns.LowRun(words[i]);
                }
                count += 64;
            }
            return count;
        }

        /// <summary>Free pages at the end of group g, read from its words.</summary>
        private ulong TailFree(ulong g)
        {
            ulong* words = _freeBits + g * WordsPerGroup;
            ulong count = 0;
            for (int i = WordsPerGroup - 1; i >= 0; i--)
            {
                if (words[i] != ulong.MaxValue)
                {
                    return count + WordRuns.HighRun(words[i]);
                }
                count += 64;
            }
            return count;
        }

        /// <summary>The larger of two values (no Math in the kernel subset).</summary>
        private static ulong Max(ulong a, ulong b)
        {
            return a > b ? a : b;
        }

        /// <summary>The smaller of two values (no Math in the kernel subset).</summary>
        private static ulong Min(ulong a, ulong b)
        {
            return a < b ? a : b;
        }
    }
}
