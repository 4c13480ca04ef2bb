using System.Collections.Generic;

namespace MyOS.Diagnostics.Tests
{
    /// <summary>List&lt;T&gt; and Dictionary&lt;TKey,TValue&gt; (string and int keys) with foreach.</summary>
    public sealed class RuntimeCollectionsTest : KernelTest
    {
        public override string Name => "runtime.collections";

        private struct Extent
        {
            public ulong Start, Length;
        }

        protected override void Execute()
        {
            List<int> numbers = new List<int>();
            for (int i = 0; i < 100; i++)
                numbers.Add(i * i);
            Check(numbers.Count == 100 && numbers[99] == 9801, "List<int> grows");
            numbers.RemoveAt(0);
            numbers.Insert(0, -1);
            Check(numbers[0] == -1 && numbers.IndexOf(16) == 4 && numbers.Contains(81) && !numbers.Contains(2), "List Insert, RemoveAt, IndexOf, Contains");
            int sum = 0;
            foreach (int n in numbers)
                sum += n;
            Check(sum == 328350 - 1, "foreach over a List");

            List<string> words = new List<string> { "pear", "apple", "fig" };
            words.Sort((a, b) => a.CompareTo(b));
            Check(words[0] == "apple" && words[2] == "pear" && words.Remove("fig") && words.Count == 2, "List<string> Sort and Remove");
            List<Extent> extents = new List<Extent>();
            extents.Add(new Extent { Start = 0x1000, Length = 0x2000 });
            Check(extents[0].Length == 0x2000, "List of structs");

            Dictionary<string, int> commands = new Dictionary<string, int>();
            commands["help"] = 1;
            commands["alloc"] = 2;
            commands.Add("free", 3);
            commands["help"] = 10;
            Check(commands.Count == 3 && commands["help"] == 10 && commands["free"] == 3, "Dictionary<string,int> set and get");
            string key = "al" + "loc";
            Check(commands.TryGetValue(key, out int value) && value == 2 && !commands.ContainsKey("bogus"), "string keys compare by characters");
            Check(commands.Remove("alloc") && !commands.ContainsKey("alloc") && commands.Count == 2, "Dictionary Remove");

            Dictionary<int, string> pages = new Dictionary<int, string>();
            for (int i = 0; i < 500; i++)
                pages[i * 7] = i.ToString();
            Check(pages.Count == 500 && pages[7 * 321] == "321" && !pages.ContainsKey(8), "Dictionary<int,string> with 500 keys");
            int keySum = 0, valueCount = 0;
            foreach (KeyValuePair<int, string> pair in pages)
            {
                keySum += pair.Key;
                if (pair.Value.Length > 0)
                    valueCount++;
            }
            Check(keySum == 7 * (499 * 500 / 2) && valueCount == 500, "foreach over a Dictionary");
            pages.Clear();
            Check(pages.Count == 0 && !pages.ContainsKey(0), "Dictionary Clear");
        }
    }
}
