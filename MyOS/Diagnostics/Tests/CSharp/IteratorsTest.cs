using System.Collections.Generic;

namespace MyOS.Diagnostics.Tests.CSharp
{
    /// <summary>`yield` iterators, `foreach` over interfaces, arrays as IList&lt;T&gt;, and generic variance.</summary>
    public sealed class IteratorsTest : KernelTest
    {
        public override string Name => "csharp.iterators";

        private static IEnumerable<int> Squares(int count)
        {
            for (int i = 1; i <= count; i++)
                yield return i * i;
        }

        private static IEnumerable<string> Words()
        {
            yield return "page";
            yield return "heap";
            yield break;
        }

        private static int SumOf(IEnumerable<int> values)
        {
            int sum = 0;
            foreach (int value in values)
                sum += value;
            return sum;
        }

        protected override void Execute()
        {
            Check(SumOf(Squares(4)) == 30, "yield return, foreach over IEnumerable<int>");
            Check(string.Join("+", Words()) == "page+heap", "yield break");
            IList<int> list = new[] { 3, 1, 2 };
            Check(list.Count == 3 && list[1] == 1 && list.IndexOf(2) == 2 && list.Contains(3), "an array as IList<int>");
            ICollection<int> collection = new List<int> { 4, 5 };
            Check(SumOf(collection) == 9 && SumOf(list) == 6, "foreach over ICollection and an array through IEnumerable");
            IEnumerable<object> objects = new List<string> { "a", "b" };
            int n = 0;
            foreach (object o in objects)
                n += ((string)o).Length;
            Check(n == 2, "covariance: List<string> as IEnumerable<object>");
            IReadOnlyList<object> readOnly = new[] { "x", "y", "z" };
            Check(readOnly.Count == 3 && (string)readOnly[2] == "z", "array covariance through IReadOnlyList<object>");
            System.Action<object> printAny = _ => n++;
            System.Action<string> printString = printAny;
            printString("q");
            Check(n == 3, "contravariance: Action<object> as Action<string>");
        }
    }
}
