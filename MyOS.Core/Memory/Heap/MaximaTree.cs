using System.Runtime.CompilerServices;

namespace MyOS.Core.Memory.Heap
{
    /// <summary>
    /// An implicit tree of maxima, 16 children per node, over an array of uint leaves (R. P.
    /// Brent's layout for first fit, 1989): it answers "the lowest leaf whose value is at least
    /// n" by reading one 64-byte node per level, with no pointers and no rebalancing. Storage,
    /// bottom up: the leaves, then each level above them; a level of more than 16 entries is
    /// padded with zeros to a multiple of 16 and has a level above it holding each node's
    /// maximum; the top level is one node of 16 (padded too), and the tree's maximum (kept by
    /// the caller) is the largest of them. Invariant: every entry above the leaves is at least
    /// the maximum of its 16 children (it never understates; it may overstate), and padding is 0
    /// (a value no request asks for). A leaf that grows is raised through the levels above it;
    /// one that shrinks is lowered alone, and a search that descends into a node holding less
    /// than its entry claimed lowers that entry to the node's maximum (lazy repair, so shrinking
    /// costs nothing above the leaf).
    /// </summary>
    public static unsafe class MaximaTree
    {
        /// <summary>Children per node (a node of uint values is one 64-byte cache line).</summary>
        public const uint Fanout = 16;

        /// <summary>Returned by the searches when no leaf holds the value asked for.</summary>
        public const uint None = 0xFFFFFFFF;

        /// <summary>Number of uint entries the tree over <paramref name="leaves"/> leaves stores.</summary>
        public static ulong StorageUints(uint leaves)
        {
            ulong total = 0;
            uint n = leaves;
            while (n > Fanout)
            {
                total += RoundUp(n);
                n = (n + Fanout - 1) / Fanout;
            }
            return total + Fanout;
        }

        /// <summary>Levels of the tree over <paramref name="leaves"/> leaves (nodes a descent reads).</summary>
        public static uint Levels(uint leaves)
        {
            uint levels = 1;
            for (uint n = leaves; n > Fanout; n = (n + Fanout - 1) / Fanout)
                levels++;
            return levels;
        }

        /// <summary>Sets every entry (leaves, levels, padding) to 0: a tree of empty leaves.</summary>
        public static void Clear(uint* tree, uint leaves)
        {
            ulong entries = StorageUints(leaves);
            for (ulong i = 0; i < entries; i++)
                tree[i] = 0;
        }

        /// <summary>
        /// Recomputes every level above the leaves from the leaves (after the leaves were moved
        /// wholesale, or their number changed) and returns the tree's maximum. O(leaves).
        /// </summary>
        public static uint Rebuild(uint* tree, uint leaves)
        {
            uint n = leaves;
            uint* level = tree;
            while (true)
            {
                // Padding may hold what an earlier layout (another leaf count) kept there.
                for (uint pad = n; pad < RoundUp(n == 0 ? 1 : n); pad++)
                    level[pad] = 0;
                if (n <= Fanout)
                    return MaxOf(level);
                uint* up = level + RoundUp(n);
                uint nodes = (n + Fanout - 1) / Fanout;
                for (uint node = 0; node < nodes; node++)
                    up[node] = MaxOf(level + node * Fanout);
                level = up;
                n = nodes;
            }
        }

        /// <summary>
        /// Sets leaf <paramref name="index"/> to <paramref name="value"/> (larger than it was) and
        /// raises every entry above it that holds less, stopping at the first that holds as much.
        /// The caller keeps the tree's maximum (it becomes at least <paramref name="value"/>).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Raise(uint* tree, uint leaves, uint index, uint value)
        {
            tree[index] = value;
            if (leaves > Fanout)
                RaiseAbove(tree, leaves, index, value);
        }

        /// <summary>Raise's walk up the levels above the leaves.</summary>
        private static void RaiseAbove(uint* tree, uint leaves, uint index, uint value)
        {
            uint n = leaves;
            uint* level = tree;
            while (n > Fanout)
            {
                uint* up = level + RoundUp(n);
                index /= Fanout;
                if (up[index] >= value)
                    return;
                up[index] = value;
                level = up;
                n = (n + Fanout - 1) / Fanout;
            }
        }

        /// <summary>The largest entry of the top node: the tree's maximum, or more while the top overstates.</summary>
        public static uint TopMax(uint* tree, uint leaves)
        {
            if (leaves <= Fanout)
                return MaxOf(tree);
            return MaxOf(tree + LevelStart(leaves, Levels(leaves) - 1));
        }

        /// <summary>
        /// The lowest leaf whose value is at least <paramref name="need"/>, or None. The first
        /// node of leaves is tried first when its entry allows (small requests end there, the
        /// heap's low addresses being the fullest), then one descent from the top node; entries
        /// that claimed a fit their node does not hold are lowered on the way.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint FindFirst(uint* tree, uint leaves, uint need)
        {
            if (leaves <= Fanout)
                return FirstOfNode(tree, need);   // one node: the common region of 64 KiB
            return FindFirstInLevels(tree, leaves, need);
        }

        /// <summary>Most levels a tree has: 16^8 leaves are more than a uint counts.</summary>
        private const int MaxLevels = 8;

        /// <summary>FindFirst for a tree of two or more levels.</summary>
        private static uint FindFirstInLevels(uint* tree, uint leaves, uint need)
        {
            uint* firstEntry = tree + RoundUp(leaves);   // the entry above the first node of leaves
            if (*firstEntry >= need)
            {
                uint found = FirstOfNode(tree, need);
                if (found != None)
                    return found;
                *firstEntry = MaxOf(tree);   // it claimed a fit its node does not hold
            }
            uint* starts = stackalloc uint[MaxLevels];
            uint* sizes = stackalloc uint[MaxLevels];
            uint top = LevelLayout(leaves, starts, sizes);
            return Search(tree, starts, sizes, top, need, top, 0);
        }

        /// <summary>
        /// The lowest leaf at or after <paramref name="from"/> whose value is at least
        /// <paramref name="need"/>, or None: up from the leaf until a node to the right holds the
        /// value, then down again; entries that claimed a fit their node does not hold are lowered
        /// on the way.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint FindFrom(uint* tree, uint leaves, uint need, uint from)
        {
            if (leaves <= Fanout)
                return from < Fanout ? FirstAtLeast(tree, need, from) : None;
            return FindFromInLevels(tree, leaves, need, from);
        }

        /// <summary>FindFrom for a tree of two or more levels.</summary>
        private static uint FindFromInLevels(uint* tree, uint leaves, uint need, uint from)
        {
            uint* starts = stackalloc uint[MaxLevels];
            uint* sizes = stackalloc uint[MaxLevels];
            uint top = LevelLayout(leaves, starts, sizes);
            return Search(tree, starts, sizes, top, need, 0, from);
        }

        /// <summary>Fills each level's start in the storage and its number of entries (0 = the leaves); returns the top level.</summary>
        private static uint LevelLayout(uint leaves, uint* starts, uint* sizes)
        {
            uint top = 0;
            uint offset = 0;
            uint n = leaves;
            while (true)
            {
                starts[top] = offset;
                sizes[top] = n;
                if (n <= Fanout)
                    return top;
                offset += RoundUp(n);
                n = (n + Fanout - 1) / Fanout;
                top++;
            }
        }

        /// <summary>
        /// The search both finds share, from entry <paramref name="index"/> of level
        /// <paramref name="level"/> (0 = the leaves, <paramref name="top"/> = the top node; each
        /// level's start and size given): the first entry at or after it, in its node, that holds
        /// the value leads one level down; a node with none sends the search one level up, to the
        /// entry after its parent, and lowers that parent to the node's maximum when it claimed
        /// the value. Nothing to the right at some level means nothing to the right at all.
        /// </summary>
        private static uint Search(uint* tree, uint* starts, uint* sizes, uint top, uint need, uint level, uint index)
        {
            while (true)
            {
                if (index >= sizes[level])
                    return None;
                uint node = index / Fanout;
                uint* entries = tree + starts[level] + node * Fanout;
                uint found = FirstAtLeast(entries, need, index % Fanout);
                if (found == None)
                {
                    if (level == top)
                        return None;
                    level++;
                    uint* parent = tree + starts[level] + node;
                    if (*parent >= need)
                        *parent = MaxOf(entries);   // it claimed a fit its node does not hold
                    index = node + 1;
                    continue;
                }
                index = node * Fanout + found;
                if (level == 0)
                    return index;
                level--;
                index *= Fanout;
            }
        }

        /// <summary>
        /// For the heap check: true when every entry above the leaves is at least the maximum of
        /// its children (overstating is allowed, understating would hide a fit) and all padding is
        /// 0; <paramref name="max"/> is then the top node's largest entry.
        /// </summary>
        public static bool NeverUnderstates(uint* tree, uint leaves, out uint max)
        {
            max = 0;
            uint n = leaves;
            uint* level = tree;
            while (true)
            {
                uint padded = RoundUp(n == 0 ? 1 : n);
                for (uint pad = n; pad < padded; pad++)
                {
                    if (level[pad] != 0)
                        return false;
                }
                if (n <= Fanout)
                    break;
                uint* up = level + padded;
                uint nodes = (n + Fanout - 1) / Fanout;
                for (uint node = 0; node < nodes; node++)
                {
                    if (up[node] < MaxOf(level + node * Fanout))
                        return false;
                }
                level = up;
                n = nodes;
            }
            max = MaxOf(level);
            return true;
        }

        /// <summary>The largest of a node's 16 entries.</summary>
        public static uint MaxOf(uint* node)
        {
            // Four independent chains, written out (the compiler keeps branches in loops, which
            // mispredict here): conditional moves, and the compares overlap.
            uint a = node[0], b = node[1], c = node[2], d = node[3];
            FoldFour(node + 4, ref a, ref b, ref c, ref d);
            FoldFour(node + 8, ref a, ref b, ref c, ref d);
            FoldFour(node + 12, ref a, ref b, ref c, ref d);
            a = b > a ? b : a;
            c = d > c ? d : c;
            return c > a ? c : a;
        }

        /// <summary>Takes four consecutive entries into MaxOf's four running maxima.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void FoldFour(uint* entries, ref uint a, ref uint b, ref uint c, ref uint d)
        {
            uint w = entries[0], x = entries[1], y = entries[2], z = entries[3];
            a = w > a ? w : a;
            b = x > b ? x : b;
            c = y > c ? y : c;
            d = z > d ? z : d;
        }

        /// <summary>The position of the first of a node's entries from <paramref name="from"/> on that is at least <paramref name="need"/>; None when none is.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint FirstAtLeast(uint* node, uint need, uint from)
        {
            if (from == 0)
                return FirstOfNode(node, need);
            for (uint i = from; i < Fanout; i++)
            {
                if (node[i] >= need)
                    return i;
            }
            return None;
        }

        /// <summary>The first of a node's 16 entries that is at least <paramref name="need"/>, or None: written out, a compare and a branch per entry.</summary>
        private static uint FirstOfNode(uint* node, uint need)
        {
            if (node[0] >= need)
                return 0;
            if (node[1] >= need)
                return 1;
            if (node[2] >= need)
                return 2;
            if (node[3] >= need)
                return 3;
            if (node[4] >= need)
                return 4;
            if (node[5] >= need)
                return 5;
            if (node[6] >= need)
                return 6;
            if (node[7] >= need)
                return 7;
            if (node[8] >= need)
                return 8;
            if (node[9] >= need)
                return 9;
            if (node[10] >= need)
                return 10;
            if (node[11] >= need)
                return 11;
            if (node[12] >= need)
                return 12;
            if (node[13] >= need)
                return 13;
            if (node[14] >= need)
                return 14;
            if (node[15] >= need)
                return 15;
            return None;
        }

        /// <summary>Where level <paramref name="level"/> (0 = the leaves) starts in the storage.</summary>
        private static uint LevelStart(uint leaves, uint level)
        {
            uint offset = 0;
            uint n = leaves;
            for (uint l = 0; l < level; l++)
            {
                offset += RoundUp(n);
                n = (n + Fanout - 1) / Fanout;
            }
            return offset;
        }

        /// <summary>A level's stored size: padded to whole nodes.</summary>
        private static uint RoundUp(uint n) => (n + Fanout - 1) & ~(Fanout - 1);
    }
}
