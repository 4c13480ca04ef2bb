using System.Numerics;
using System.Runtime.CompilerServices;

namespace MyOS.Core.Memory.Physical
{
    /// <summary>
    /// The page allocator's metadata: one bit per page (1 = free) and, per group of 512 pages
    /// (8 words, 64 bytes), a GroupSummary. Invariant: summary[g].Free is the number of set
    /// bits in group g; its bit in nonEmptyGroups is set exactly when that number is not 0;
    /// a free bit is set only where the usable bit is set; a continuation bit is set exactly on
    /// the used pages that are not the first page of their run (so a run is its first page,
    /// a used page without the bit, and the pages with the bit right above it).
    ///
    ///   nonEmptyGroups  1 1 0 1 ...           1 bit per group: "has a free page"
    ///   summary         {Free,Longest,Head,Tail} per group, e.g. {512,..} {37,9,0,4} {0,..}
    ///   freeBits        |8 words|8 words|8 words|8 words| ...   1 bit per page
    ///   usableBits      the same layout, fixed at construction: 1 = usable RAM
    ///   continuesBits   the same layout: 1 = a used page that continues the run of the page below
    ///   owners          1 byte per page: the PageOwner of the run starting there
    ///
    /// Single pages come from the first non-empty group (tzcnt on nonEmptyGroups, then on a
    /// word). Runs are searched group by group, see PageBitmap.Search.cs.
    /// </summary>
    internal unsafe partial struct PageBitmap
    {
        /// <summary>Pages in one group (8 words of 64 bits).</summary>
        public const ulong PagesPerGroup = 512;
        /// <summary>log2(PagesPerGroup): page &gt;&gt; GroupShift is the group number.</summary>
        public const int GroupShift = 9;
        /// <summary>Bitmap words in one group.</summary>
        private const int WordsPerGroup = 8;

        /// <summary>Bit (p % 64) of word (p / 64) is 1 when page p is free, 0 when used or not usable RAM.</summary>
        private ulong* _freeBits;
        /// <summary>Same layout: 1 when page p is usable RAM. Never changes after construction; page 0 is 0.</summary>
        private ulong* _usableBits;
        /// <summary>
        /// Same layout: 1 when page p is used and belongs to the same run as page p - 1; 0 on a
        /// run's first page and on every page not in use. Chosen over "1 = first page" because a
        /// single page then needs no write here on allocation, and none on free unless it cuts a run.
        /// </summary>
        private ulong* _continuesBits;
        /// <summary>
        /// owners[p]: the PageOwner of the run starting at page p; meaningless unless p is a run's
        /// first page. A byte rather than 4 bits: a plain store on allocation, no read-modify-write
        /// (the single-page alloc+free pair measured about 10 % slower with 4 bits).
        /// </summary>
        private byte* _owners;
        /// <summary>Bit (g % 64) of word (g / 64) is 1 when group g has at least one free page.</summary>
        private ulong* _nonEmptyGroups;
        /// <summary>summary[g] describes group g (pages g * 512 .. g * 512 + 511).</summary>
        private GroupSummary* _summary;
        /// <summary>Groups covered; pages past the managed range in the last group stay not usable.</summary>
        private ulong _groupCount;
        /// <summary>Words in nonEmptyGroups: groupCount / 64 rounded up.</summary>
        private ulong _nonEmptyWordCount;

        /// <summary>Owner bytes per group: one for each of its 512 pages.</summary>
        private const ulong OwnerBytesPerGroup = PagesPerGroup;

        /// <summary>Metadata bytes for <paramref name="groups"/> groups, including 7 bytes to 8-align the buffer.</summary>
        public static ulong BytesFor(ulong groups)
        {
            ulong words = groups * WordsPerGroup;
            ulong nonEmptyWords = (groups + 63) >> 6;
            return 7 + 8 * (3 * words + nonEmptyWords) + ((ulong)sizeof(GroupSummary) + OwnerBytesPerGroup) * groups;
        }

        /// <summary>The most groups whose metadata fits in <paramref name="bytes"/> bytes.</summary>
        public static ulong GroupsFitting(ulong bytes)
        {
            // Each group costs a little over 712 bytes (3 x 64 of bits, 8 of summary, 512 of
            // owners), so bytes / 712 is an upper bound.
            ulong groups = bytes / 712;
            while (groups > 0 && BytesFor(groups) > bytes)
            {
                groups--;
            }
            return groups;
        }

        /// <summary>Lays the arrays out in <paramref name="buffer"/> and zeroes them: every page starts not usable.</summary>
        public void Attach(byte* buffer, ulong groups)
        {
            ulong words = groups * WordsPerGroup;
            _groupCount = groups;
            _nonEmptyWordCount = (groups + 63) >> 6;
            _freeBits = (ulong*)(((ulong)buffer + 7) & ~7UL);
            _usableBits = _freeBits + words;
            _continuesBits = _usableBits + words;
            _nonEmptyGroups = _continuesBits + words;
            _summary = (GroupSummary*)(_nonEmptyGroups + _nonEmptyWordCount);
            _owners = (byte*)(_summary + groups);
            // A GroupSummary is one ulong long, and a group's owners are 512 bytes = 64 ulongs.
            ulong longWords = 3 * words + _nonEmptyWordCount + groups + groups * (OwnerBytesPerGroup / 8);
            for (ulong i = 0; i < longWords; i++)
            {
                _freeBits[i] = 0;
            }
        }

        /// <summary>Construction only: makes pages [first, end) usable and free. Call BuildSummary after.</summary>
        public void MarkUsable(ulong first, ulong end)
        {
            for (ulong page = first; page < end;)
            {
                ulong word = page >> 6;
                ulong take = RunInWord(page, end);
                ulong mask = WordRuns.Mask((int)(page & 63), take);
                _usableBits[word] |= mask;
                _freeBits[word] |= mask;
                page += take;
            }
        }

        /// <summary>Construction only: makes pages [first, end) not usable. Call BuildSummary after.</summary>
        public void MarkReserved(ulong first, ulong end)
        {
            for (ulong page = first; page < end;)
            {
                ulong word = page >> 6;
                ulong take = RunInWord(page, end);
                ulong mask = WordRuns.Mask((int)(page & 63), take);
                _usableBits[word] &= ~mask;
                _freeBits[word] &= ~mask;
                page += take;
            }
        }

        /// <summary>Construction only: fills summary and nonEmptyGroups from the bitmap; returns the free page count.</summary>
        public ulong BuildSummary()
        {
            ulong total = 0;
            for (ulong g = 0; g < _groupCount; g++)
            {
                ulong* words = _freeBits + g * WordsPerGroup;
                uint free = 0;
                for (int i = 0; i < WordsPerGroup; i++)
                {
                    free += (uint)BitOperations.PopCount(words[i]);
                }
                _summary[g].Free = (ushort)free;
                _summary[g].Longest = GroupSummary.Stale;
                if (free != 0)
                {
                    _nonEmptyGroups[g >> 6] |= 1UL << (int)(g & 63);
                }
                total += free;
            }
            return total;
        }

        /// <summary>
        /// Takes the lowest free page of <paramref name="group"/>, which must have one, as a run
        /// of one page of <paramref name="owner"/>; returns its page number.
        /// </summary>
        public ulong TakeFirstFree(ulong group, PageOwner owner)
        {
            ulong offset = group * WordsPerGroup;
            ulong* words = _freeBits + offset;
            int i = 0;
            while (words[i] == 0)
            {
                i++;
            }
            ulong word = words[i];
            words[i] = word & (word - 1); // clears the lowest set bit; its continuation bit is already 0
            CountTaken(group, 1);
            ulong page = (group << GroupShift) + (ulong)(i << 6) + (ulong)BitOperations.TrailingZeroCount(word);
            SetOwner(page, owner);
            return page;
        }

        /// <summary>
        /// Marks pages [first, first + n) used as one run of <paramref name="owner"/>; they must
        /// all be free.
        /// </summary>
        public void Take(ulong first, ulong n, PageOwner owner)
        {
            SetOwner(first, owner);
            if ((first & 63) + n <= 64)
            {
                TakeInWord(first, n, 1); // the common case of a small run, without the loop
                return;
            }
            TakeWords(first, first + n);
        }

        /// <summary>
        /// Take's path for a run over two or more words. The pages are all free, so their free
        /// bits are 1 and their continuation bits 0: the words wholly inside the run are plain
        /// stores (no read), and each group's summary is updated once, not once per word. Out of
        /// line, so that the paths of single pages and small runs stay small.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private void TakeWords(ulong first, ulong end)
        {
            ulong word = first >> 6;
            ulong last = (end - 1) >> 6;
            ulong head = ulong.MaxValue << (int)(first & 63);
            _freeBits[word] &= ~head;
            _continuesBits[word] |= head << 1; // every page of the run but its first continues it
            for (word++; word < last; word++)
            {
                _freeBits[word] = 0;
                _continuesBits[word] = ulong.MaxValue;
            }
            ulong tail = ulong.MaxValue >> (int)(63 - ((end - 1) & 63));
            _freeBits[last] &= ~tail;
            _continuesBits[last] |= tail;
            for (ulong page = first; page < end;)
            {
                ulong groupEnd = ((page >> GroupShift) + 1) << GroupShift;
                ulong stop = groupEnd < end ? groupEnd : end;
                CountTaken(page >> GroupShift, (uint)(stop - page));
                page = stop;
            }
        }

        /// <summary>
        /// Marks the <paramref name="count"/> free pages from <paramref name="page"/> used (they lie
        /// in one word) and sets their continuation bits, except on the first when
        /// <paramref name="first"/> is 1 (the run starts there).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void TakeInWord(ulong page, ulong count, ulong first)
        {
            ulong mask = WordRuns.Mask((int)(page & 63), count);
            _freeBits[page >> 6] &= ~mask;
            _continuesBits[page >> 6] |= mask & ~(first << (int)(page & 63));
            CountTaken(page >> GroupShift, (uint)count);
        }

        /// <summary>
        /// Marks one page free if it is usable and used; returns 1 if it changed, else 0. If the
        /// page after it continues its run, that page becomes a run of its own first (SplitRunAt,
        /// done here on the words already loaded when both pages share a word).
        /// </summary>
        public ulong ReleaseOne(ulong page)
        {
            ulong word = page >> 6;
            int index = (int)(page & 63);
            ulong bit = 1UL << index;
            ulong used = _usableBits[word] & ~_freeBits[word];
            if ((used & bit) == 0)
            {
                return 0;
            }
            if ((_continuesBits[word] & (bit | (bit << 1))) != 0 || index == 63)
            {
                // Rare: the page continues a run, or the next page continues it (or lies in the next word).
                CutAround(page);
            }
            _freeBits[word] |= bit;
            CountReleased(word / WordsPerGroup, 1);
            return 1;
        }

        /// <summary>
        /// ReleaseOne's rare path, kept out of line so that the common one stays small: makes the
        /// page after <paramref name="page"/> a run of its own if it continues the run, and clears
        /// <paramref name="page"/>'s continuation bit.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private void CutAround(ulong page)
        {
            SplitRunAt(page + 1);
            _continuesBits[page >> 6] &= ~(1UL << (int)(page & 63));
        }

        /// <summary>
        /// Marks the usable pages of [first, first + n) free; returns how many were used before.
        /// A run that goes on past the range keeps its rest as a run of its own (SplitRunAt).
        /// </summary>
        public ulong Release(ulong first, ulong n)
        {
            ulong end = first + n;
            if ((first & 63) + n < 64)
            {
                return ReleaseInWord(first, n); // the common case: the range and the page after it share a word
            }
            ulong endWord = end >> 6;
            // The page after the range continues a run only when a run is cut: rare.
            if (endWord < _groupCount * WordsPerGroup && (_continuesBits[endWord] & (1UL << (int)(end & 63))) != 0)
            {
                SplitRunAt(end);
            }
            return ReleaseWords(first, end);
        }

        /// <summary>
        /// Release's path for a range over two or more words. Inside the range a continuation bit
        /// is 1 only on a used page, so clearing the whole mask clears exactly those of the pages
        /// released; each group's summary is updated once, not once per word. Out of line, so
        /// that the paths of single pages and small runs stay small.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private ulong ReleaseWords(ulong first, ulong end)
        {
            ulong word = first >> 6;
            ulong last = (end - 1) >> 6;
            ulong mask = ulong.MaxValue << (int)(first & 63);
            ulong released = 0;
            uint inGroup = 0; // pages released so far in the current group
            while (true)
            {
                if (word == last)
                {
                    mask &= ulong.MaxValue >> (int)(63 - ((end - 1) & 63));
                }
                ulong newlyFree = mask & _usableBits[word] & ~_freeBits[word];
                _freeBits[word] |= newlyFree;
                _continuesBits[word] &= ~mask;
                inGroup += (uint)BitOperations.PopCount(newlyFree);
                bool groupEnds = (word & (WordsPerGroup - 1)) == WordsPerGroup - 1;
                if ((groupEnds || word == last) && inGroup != 0)
                {
                    CountReleased(word / WordsPerGroup, inGroup);
                    released += inGroup;
                    inGroup = 0;
                }
                if (word == last)
                {
                    return released;
                }
                word++;
                mask = ulong.MaxValue;
            }
        }

        /// <summary>
        /// Release's path for 1 to 63 pages from <paramref name="page"/> whose next page lies in
        /// the same word: one load of the continuation word serves the split check and the clear.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private ulong ReleaseInWord(ulong page, ulong count)
        {
            ulong word = page >> 6;
            int index = (int)(page & 63);
            ulong mask = ((1UL << (int)count) - 1) << index;
            ulong continues = _continuesBits[word];
            if ((continues & (1UL << (index + (int)count))) != 0)
            {
                SplitRunAt(page + count); // rare: a run is cut, its rest becomes a run of its own
                continues = _continuesBits[word];
            }
            // Inside the range a continuation bit is 1 only on a used page: clearing the whole
            // mask clears exactly those of the pages released.
            _continuesBits[word] = continues & ~mask;
            ulong newlyFree = mask & _usableBits[word] & ~_freeBits[word];
            if (newlyFree == 0)
            {
                return 0;
            }
            _freeBits[word] |= newlyFree;
            uint released = (uint)BitOperations.PopCount(newlyFree);
            CountReleased(page >> GroupShift, released);
            return released;
        }

        /// <summary>Records <paramref name="owner"/> as the owner of the run starting at <paramref name="page"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void SetOwner(ulong page, PageOwner owner)
        {
            _owners[page] = (byte)owner;
        }

        /// <summary>
        /// Before pages below <paramref name="page"/> are released: if <paramref name="page"/>
        /// continues a run, the run is about to be cut in front of it, so it becomes the first
        /// page of a run of the same owner. Pages past the covered groups are ignored. Out of
        /// line: the free paths call it only when a run is cut, and stay small without it.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public void SplitRunAt(ulong page)
        {
            ulong word = page >> 6;
            if (word >= _groupCount * WordsPerGroup || (_continuesBits[word] & (1UL << (int)(page & 63))) == 0)
            {
                return;
            }
            SetOwner(page, Owner(RunStartAtOrBelow(page)));
            _continuesBits[word] &= ~(1UL << (int)(page & 63));
        }

        /// <summary>Pages from <paramref name="page"/> to the end of its word or to <paramref name="end"/>, whichever is first.</summary>
        private static ulong RunInWord(ulong page, ulong end)
        {
            ulong take = 64 - (page & 63);
            return take < end - page ? take : end - page;
        }

        /// <summary>Updates group g's summary after <paramref name="pages"/> of its free pages were taken.</summary>
        private void CountTaken(ulong g, uint pages)
        {
            GroupSummary* s = _summary + g;
            uint left = s->Free - pages;
            s->Free = (ushort)left;
            s->Longest = GroupSummary.Stale;
            if (left == 0)
            {
                _nonEmptyGroups[g >> 6] &= ~(1UL << (int)(g & 63));
            }
        }

        /// <summary>Updates group g's summary after <paramref name="pages"/> of its used pages became free.</summary>
        private void CountReleased(ulong g, uint pages)
        {
            GroupSummary* s = _summary + g;
            if (s->Free == 0)
            {
                _nonEmptyGroups[g >> 6] |= 1UL << (int)(g & 63);
            }
            s->Free = (ushort)(s->Free + pages);
            s->Longest = GroupSummary.Stale;
        }

    }
}
