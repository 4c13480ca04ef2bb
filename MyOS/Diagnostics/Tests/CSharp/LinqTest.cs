using System.Collections.Generic;
using System.Linq;

namespace MyOS.Diagnostics.Tests.CSharp
{
    /// <summary>LINQ to objects from .NET's own System.Linq: filters, projections, ordering, grouping, aggregates.</summary>
    public sealed class LinqTest : KernelTest
    {
        public override string Name => "csharp.linq";

        private sealed record Page(ulong Address, string Owner, int Count);

        protected override void Execute()
        {
            int[] numbers = { 5, 3, 8, 1, 9, 2, 7 };
            Check(numbers.Where(n => n % 2 == 1).Select(n => n * 10).ToList().SequenceEqual(new[] { 50, 30, 10, 90, 70 }), "Where, Select, ToList");
            Check(string.Join(",", numbers.OrderBy(n => n)) == "1,2,3,5,7,8,9", "OrderBy");
            Check(string.Join(",", numbers.OrderByDescending(n => n).Take(3)) == "9,8,7", "OrderByDescending, Take");
            Check(numbers.Sum() == 35 && numbers.Max() == 9 && numbers.Min() == 1 && numbers.Count(n => n > 4) == 4, "Sum, Max, Min, Count");
            Check(numbers.Any(n => n == 8) && !numbers.Any(n => n > 100) && numbers.All(n => n > 0), "Any, All");
            Check(numbers.First(n => n > 5) == 8 && numbers.FirstOrDefault(n => n > 100) == 0 && numbers.Last() == 7, "First, FirstOrDefault, Last");
            Check(System.Math.Abs(numbers.Average() - 5.0) < 1e-9, "Average");

            var pages = new List<Page>
            {
                new Page(0x1000, "heap", 4), new Page(0x9000, "shell", 2), new Page(0x5000, "heap", 8), new Page(0x2000, "tables", 1),
            };
            var byOwner = pages.GroupBy(p => p.Owner).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Sum(p => p.Count)}").ToArray();
            Check(string.Join(" ", byOwner) == "heap:12 shell:2 tables:1", "GroupBy with Sum: " + string.Join(" ", byOwner));
            Dictionary<string, int> counts = pages.ToDictionary(p => p.Owner + p.Address.ToString("X"), p => p.Count);
            Check(counts["heap5000"] == 8 && counts.Count == 4, "ToDictionary");
            var query = from p in pages where p.Count > 1 orderby p.Address select p.Address;
            Check(string.Join(",", query.Select(a => "0x" + a.ToString("X"))) == "0x1000,0x5000,0x9000", "query syntax");
            Check(Enumerable.Range(1, 10).Aggregate(1L, (a, b) => a * b) == 3628800, "Range, Aggregate");
            Check(numbers.Distinct().Count() == 7 && numbers.Concat(numbers).Distinct().Count() == 7, "Distinct, Concat");
            Check(numbers.Zip(numbers.Skip(1), (a, b) => a + b).First() == 8, "Zip, Skip");
        }
    }
}
