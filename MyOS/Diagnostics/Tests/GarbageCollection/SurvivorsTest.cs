using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace MyOS.Diagnostics.Tests.GarbageCollection
{
    /// <summary>
    /// Objects reachable in every way a kernel keeps them survive many collections with their
    /// contents intact: a static, a local (and the register it lives in), an array of
    /// references, an array of structs with references, a boxed value, a closure, a
    /// Dictionary, a List, a LINQ pipeline, an interior reference, and an array with more
    /// references than the mark stack holds.
    /// </summary>
    public sealed class SurvivorsTest : KernelTest
    {
        public override string Name => "gc.survivors";

        private const int Collections = 20;

        private sealed class Node
        {
            public int Value;
            public string Text;
            public Node Next;
        }

        private struct Pair
        {
            public int Key;
            public string Name;
            public Node Node;
        }

        private static Node s_fromStatic;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Node Chain(int length, int start)
        {
            Node head = null;
            for (int i = length - 1; i >= 0; i--)
                head = new Node { Value = start + i, Text = "n" + (start + i), Next = head };
            return head;
        }

        private static bool ChainIntact(Node head, int length, int start)
        {
            for (int i = 0; i < length; i++, head = head.Next)
            {
                if (head == null || head.Value != start + i || head.Text != "n" + (start + i))
                    return false;
            }

            return head == null;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static ref int InteriorOfFreshArray()
        {
            int[] numbers = new int[64];
            for (int i = 0; i < numbers.Length; i++)
                numbers[i] = i * 3;
            return ref numbers[40];
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Func<int> Closure()
        {
            Node captured = Chain(5, 500);
            return () => captured.Next.Next.Value;
        }

        /// <summary>Garbage between collections, so that freed blocks get reused under the survivors' feet.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Churn(int round)
        {
            int total = 0;
            for (int i = 0; i < 200; i++)
                total += ("garbage " + round + "/" + i).Length + new byte[24 + i % 100].Length;
            return total;
        }

        protected override void Execute()
        {
            s_fromStatic = Chain(50, 0);
            Node local = Chain(50, 1000);
            Node[] array = new Node[32];
            for (int i = 0; i < array.Length; i++)
                array[i] = Chain(3, 2000 + 10 * i);
            Pair[] pairs = new Pair[16];
            for (int i = 0; i < pairs.Length; i++)
                pairs[i] = new Pair { Key = i, Name = "pair" + i, Node = Chain(2, 3000 + 10 * i) };
            object boxed = (long)0x1234_5678_9ABC;
            Func<int> closure = Closure();
            var dictionary = new Dictionary<string, Node>();
            for (int i = 0; i < 40; i++)
                dictionary["key" + i] = Chain(2, 4000 + 10 * i);
            var list = new List<string>();
            for (int i = 0; i < 40; i++)
                list.Add("item" + i);
            IEnumerable<string> pipeline = list.Where(s => s.EndsWith('7')).Select(s => s.ToUpperInvariant());
            ref int interior = ref InteriorOfFreshArray();
            // More references in one array than the mark stack holds (4,096): marking overflows
            // and must rescan the heap to reach them all.
            Node[] wide = new Node[10_000];
            for (int i = 0; i < wide.Length; i++)
                wide[i] = new Node { Value = i, Text = i % 1000 == 0 ? "wide" + i : null };

            for (int round = 0; round < Collections && !Failed; round++)
            {
                Check(Churn(round) > 0, "churn");
                Check(CollectorChecks.CollectAndCheckHeap(), "a collection did not run, or the heap check failed after it");
            }

            Check(ChainIntact(s_fromStatic, 50, 0), "an object reachable only from a static");
            Check(ChainIntact(local, 50, 1000), "an object reachable only from a local");
            bool arrayIntact = true;
            for (int i = 0; i < array.Length; i++)
                arrayIntact &= ChainIntact(array[i], 3, 2000 + 10 * i);
            Check(arrayIntact, "objects in an array of references");
            bool pairsIntact = true;
            for (int i = 0; i < pairs.Length; i++)
                pairsIntact &= pairs[i].Key == i && pairs[i].Name == "pair" + i && ChainIntact(pairs[i].Node, 2, 3000 + 10 * i);
            Check(pairsIntact, "objects in an array of structs with references");
            Check((long)boxed == 0x1234_5678_9ABC, "a boxed value");
            Check(closure() == 502, "an object captured by a closure");
            bool dictionaryIntact = dictionary.Count == 40;
            for (int i = 0; i < 40; i++)
                dictionaryIntact &= dictionary.TryGetValue("key" + i, out Node node) && ChainIntact(node, 2, 4000 + 10 * i);
            Check(dictionaryIntact, "keys and values of a Dictionary");
            Check(string.Join(",", pipeline) == "ITEM7,ITEM17,ITEM27,ITEM37", "a List read through a LINQ pipeline");
            Check(interior == 120, "an array reachable only through an interior reference");
            bool wideIntact = true;
            for (int i = 0; i < wide.Length; i++)
                wideIntact &= wide[i] != null && wide[i].Value == i && (i % 1000 != 0 || wide[i].Text == "wide" + i);
            Check(wideIntact, "10,000 objects in one array (the mark stack overflows)");
            s_fromStatic = null;
        }
    }
}
