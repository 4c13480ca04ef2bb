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
    /// the caller) is the largest of them. Invariant: every entry above the leaves equals the
    /// maximum of its 16 children, and padding is 0 (a value no request asks for).
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
        /// Sets leaf <paramref name="index"/> to <paramref name="value"/> and passes the change up,
        /// stopping at the first level it does not change. <paramref name="treeMax"/> is the
        /// tree's maximum before; the maximum after is returned. A node is recomputed from its 16
        /// entries only when the entry that held its maximum shrank.
        /// </summary>
        public static uint Set(uint* tree, uint leaves, uint index, uint value, uint treeMax)
        {
            uint n = leaves;
            uint* level = tree;
            uint old = level[index];
            level[index] = value;
            while (true)
            {
                bool top = n <= Fanout;
                uint* up = level + RoundUp(n);
                uint node = index / Fanout;
                uint parent = top ? treeMax : up[node];
                uint max;
                if (value >= parent)
                {
                    if (value == parent)
                        return treeMax;         // the node's maximum is what it was
                    max = value;                // grew past the node's maximum
                }
                else if (old < parent)
                {
                    return treeMax;             // the maximum is another entry, which did not change
                }
                else
                {
                    max = MaxOf(level + node * Fanout);   // the entry that was the maximum shrank
                }
                if (top)
                    return max;
                old = parent;
                up[node] = max;
                value = max;
                level = up;
                index = node;
                n = (n + Fanout - 1) / Fanout;
            }
        }

        /// <summary>
        /// The lowest leaf whose value is at least <paramref name="need"/>, or None: one descent
        /// from the top level, one node per level.
        /// </summary>
        public static uint FindFirst(uint* tree, uint leaves, uint need)
        {
            if (leaves <= Fanout)
                return FirstAtLeast(tree, need, 0);   // one node: the common region of 64 KiB
            uint levels = Levels(leaves);
            uint index = 0;
            for (uint level = levels; level > 0; level--)
            {
                uint found = FirstAtLeast(tree + LevelStart(leaves, level - 1) + index * Fanout, need, 0);
                if (found == None)
                    return None;   // at a lower level only if the levels disagree (a damaged tree); the heap check reports it
                index = index * Fanout + found;
            }
            return index;
        }

        /// <summary>
        /// The lowest leaf at or after <paramref name="from"/> whose value is at least
        /// <paramref name="need"/>, or None: up from the leaf until a node to the right holds
        /// the value, then down again.
        /// </summary>
        public static uint FindFrom(uint* tree, uint leaves, uint need, uint from)
        {
            uint level = 0;
            uint n = leaves;
            uint offset = 0;
            uint index = from;
            while (true)
            {
                if (index >= n)
                    return None;
                uint node = index / Fanout;
                uint found = FirstAtLeast(tree + offset + node * Fanout, need, index % Fanout);
                if (found != None)
                {
                    index = node * Fanout + found;
                    break;
                }
                if (n <= Fanout)
                    return None;
                index = node + 1;
                offset += RoundUp(n);
                n = (n + Fanout - 1) / Fanout;
                level++;
            }
            while (level > 0)
            {
                level--;
                uint found = FirstAtLeast(tree + LevelStart(leaves, level) + index * Fanout, need, 0);
                if (found == None)
                    return None;
                index = index * Fanout + found;
            }
            return index;
        }

        /// <summary>
        /// For the heap check: true when every entry above the leaves is the maximum of its
        /// children and all padding is 0; <paramref name="max"/> is then the tree's maximum.
        /// </summary>
        public static bool IsConsistent(uint* tree, uint leaves, out uint max)
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
                    if (up[node] != MaxOf(level + node * Fanout))
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
            // Two independent chains, so the compares overlap; no branch on the values.
            uint a = node[0];
            uint b = node[1];
            for (int i = 2; i < (int)Fanout; i += 2)
            {
                uint x = node[i];
                uint y = node[i + 1];
                a = x > a ? x : a;
                b = y > b ? y : b;
            }
            return a > b ? a : b;
        }

        /// <summary>The position of the first of a node's entries from <paramref name="from"/> on that is at least <paramref name="need"/>; None when none is.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint FirstAtLeast(uint* node, uint need, uint from)
        {
            for (uint i = from; i < Fanout; i++)
            {
                if (node[i] >= need)
                    return i;
            }

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
