using System;
using System.Collections.Generic;

namespace MyOS.Diagnostics.Tests.CSharp
{
    /// <summary>.NET's collections beyond List and Dictionary, and array sorting and searching.</summary>
    public sealed class CollectionsTest : KernelTest
    {
        public override string Name => "csharp.collections";

        protected override void Execute()
        {
            var set = new HashSet<string> { "heap", "pages", "heap" };
            set.UnionWith(new[] { "shell" });
            Check(set.Count == 3 && set.Contains("shell") && !set.Add("pages") && set.Remove("heap"), "HashSet");
            var queue = new Queue<int>();
            for (int i = 0; i < 100; i++)
                queue.Enqueue(i);
            int dequeued = 0;
            while (queue.Count > 50)
                dequeued += queue.Dequeue();
            Check(dequeued == 1225 && queue.Peek() == 50, "Queue");
            var stack = new Stack<char>("abc");
            Check(stack.Pop() == 'c' && stack.Peek() == 'b' && stack.Count == 2, "Stack");
            var sorted = new SortedDictionary<ulong, string> { [0x9000] = "c", [0x1000] = "a", [0x5000] = "b" };
            Check(string.Join("", sorted.Values) == "abc" && sorted.ContainsKey(0x5000), "SortedDictionary keeps key order");
            var linked = new LinkedList<int>(new[] { 1, 2, 4 });
            linked.AddAfter(linked.Find(2), 3);
            linked.AddFirst(0);
            Check(string.Join(",", linked) == "0,1,2,3,4" && linked.Last.Value == 4, "LinkedList");
            int[] values = { 42, 7, 19, 3, 88, 61 };
            Array.Sort(values);
            Check(string.Join(",", values) == "3,7,19,42,61,88" && Array.BinarySearch(values, 42) == 3 && Array.BinarySearch(values, 5) < 0, "Array.Sort, BinarySearch");
            string[] names = { "pmfree", "alloc", "memmap" };
            Array.Sort(names, StringComparer.Ordinal);
            Check(string.Join(" ", names) == "alloc memmap pmfree", "Array.Sort of strings with a comparer");
            var byLength = new List<string>(names);
            byLength.Sort((x, y) => x.Length.CompareTo(y.Length));
            Check(byLength[0] == "alloc", "List.Sort with a Comparison");
            var priority = new PriorityQueue<string, int>();
            priority.Enqueue("low", 5);
            priority.Enqueue("high", 1);
            Check(priority.Dequeue() == "high", "PriorityQueue");
        }
    }
}
