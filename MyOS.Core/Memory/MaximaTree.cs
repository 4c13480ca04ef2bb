using System.Numerics;

namespace MyOS.Core.Memory
{
    /// <summary>
    /// An implicit tree of maxima, 16 children per node, over an array of uint leaves (R. P.
    /// Brent's layout for first fit, 1989): it answers "the lowest leaf whose value is at least
    /// n" by reading one 64-byte node per level, with no pointers and no rebalancing. Storage,
    /// bottom up: the leaves, then each level above them; a level of more than 16 entries is
    /// padded with zeros to a multiple of 16 and has a level above it holding each node's
    /// maximum; the top level has 1..16 entries, and the tree's maximum (kept by the caller) is
    /// the largest of them. Invariant: every entry above the leaves equals the maximum of its 16
    /// children, and padding is 0 (a value no request asks for).
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
            return total + n;
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
        /// wholesale) and returns the tree's maximum. O(leaves).
        /// </summary>
        public static uint Rebuild(uint* tree, uint leaves)
        {
            uint n = leaves;
            uint* level = tree;
            while (n > Fanout)
            {
                uint* up = level + RoundUp(n);
                uint nodes = (n + Fanout - 1) / Fanout;
                for (uint node = 0; node < nodes; node++)
                    up[node] = MaxOf(level + node * Fanout, Fanout);
                for (uint pad = nodes; pad < RoundUp(nodes) && nodes > Fanout; pad++)
                    up[pad] = 0;
                level = up;
                n = nodes;
            }
            return MaxOf(level, n);
        }

        /// <summary>
        /// Sets leaf <paramref name="index"/> to <paramref name="value"/> and passes the change up,
        /// stopping at the first level it does not change. <paramref name="treeMax"/> is the
        /// tree's maximum before; the maximum after is returned. A level is recomputed from its 16
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
                    max = top ? MaxOf(level, n) : MaxOf(level + node * Fanout, Fanout);   // the maximum shrank
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
            // Where each level starts (a tree of 2^32 leaves has 9 levels).
            uint* starts = stackalloc uint[10];
            uint levels = 0;
            uint n = leaves;
            uint offset = 0;
            while (n > Fanout)
            {
                starts[levels++] = offset;
                offset += RoundUp(n);
                n = (n + Fanout - 1) / Fanout;
            }
            uint mask = AtLeastMask(tree + offset, n, need);
            if (mask == 0)
                return None;
            uint index = (uint)BitOperations.TrailingZeroCount(mask);
            while (levels > 0)
            {
                levels--;
                mask = AtLeastMask(tree + starts[levels] + index * Fanout, Fanout, need);
                if (mask == 0)
                    return None;   // only if the levels disagree (a damaged tree); the heap check reports it
                index = index * Fanout + (uint)BitOperations.TrailingZeroCount(mask);
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
            uint* starts = stackalloc uint[10];
            uint* counts = stackalloc uint[10];
            uint level = 0;
            uint n = leaves;
            uint offset = 0;
            uint index = from;
            uint mask;
            while (true)
            {
                if (index >= n)
                    return None;
                starts[level] = offset;
                counts[level] = n;
                if (n <= Fanout)
                {
                    mask = AtLeastMask(tree + offset, n, need) & (0xFFFFFFFFu << (int)index);
                    if (mask == 0)
                        return None;
                    index = (uint)BitOperations.TrailingZeroCount(mask);
                    break;
                }
                uint node = index / Fanout;
                mask = AtLeastMask(tree + offset + node * Fanout, Fanout, need) & (0xFFFFFFFFu << (int)(index % Fanout));
                if (mask != 0)
                {
                    index = node * Fanout + (uint)BitOperations.TrailingZeroCount(mask);
                    break;
                }
                index = node + 1;
                offset += RoundUp(n);
                n = (n + Fanout - 1) / Fanout;
                level++;
            }
            while (level > 0)
            {
                level--;
                mask = AtLeastMask(tree + starts[level] + index * Fanout, Fanout, need);
                if (mask == 0)
                    return None;
                index = index * Fanout + (uint)BitOperations.TrailingZeroCount(mask);
            }
            return index;
        }

        /// <summary>
        /// For the heap check: true when every entry above the leaves is the maximum of its
        /// children and all padding is 0; <paramref name="max"/> is then the tree's maximum.
        /// </summary>
        public static bool IsConsistent(uint* tree, uint leaves, out uint max)
        {
            uint n = leaves;
            uint* level = tree;
            while (n > Fanout)
            {
                uint padded = RoundUp(n);
                for (uint pad = n; pad < padded; pad++)
                    if (level[pad] != 0)
                    {
                        max = 0;
                        return false;
                    }
                uint* up = level + padded;
                uint nodes = (n + Fanout - 1) / Fanout;
                for (uint node = 0; node < nodes; node++)
                    if (up[node] != MaxOf(level + node * Fanout, Fanout))
                    {
                        max = 0;
                        return false;
                    }
                level = up;
                n = nodes;
            }
            max = MaxOf(level, n);
            return true;
        }

        /// <summary>The largest of <paramref name="count"/> entries (0 for none), without branches on the values.</summary>
        public static uint MaxOf(uint* node, uint count)
        {
            uint max = 0;
            for (uint i = 0; i < count; i++)
            {
                uint v = node[i];
                max = v > max ? v : max;
            }
            return max;
        }

        /// <summary>Bit i set when entry i of the <paramref name="count"/> (at most 16) is at least <paramref name="need"/>.</summary>
        static uint AtLeastMask(uint* node, uint count, uint need)
        {
            if (count == Fanout)
            {
                // A whole node, unrolled: sixteen compares that set bits, no branch on the data.
                uint m = 0;
                for (int i = 0; i < 16; i += 4)
                {
                    m |= (node[i] >= need ? 1u : 0u) << i;
                    m |= (node[i + 1] >= need ? 1u : 0u) << (i + 1);
                    m |= (node[i + 2] >= need ? 1u : 0u) << (i + 2);
                    m |= (node[i + 3] >= need ? 1u : 0u) << (i + 3);
                }
                return m;
            }
            uint mask = 0;
            for (int i = 0; i < (int)count; i++)
                mask |= (node[i] >= need ? 1u : 0u) << i;
            return mask;
        }

        /// <summary>A level's stored size: padded to whole nodes.</summary>
        static uint RoundUp(uint n) => (n + Fanout - 1) & ~(Fanout - 1);
    }
}
