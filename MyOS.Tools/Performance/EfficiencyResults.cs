using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace MyOS.Tools.Performance
{
    /// <summary>
    /// What `MyOS.Benchmarks -- --efficiency` wrote: heap efficiency at first failure, placement
    /// against linear first fit, and the free index's shape per live count. A part the file does
    /// not have is empty (the heap's benchmarks may change what they record).
    /// </summary>
    public sealed class EfficiencyResults
    {
        /// <summary>One heap filled to its first failure.</summary>
        public sealed record Fill(string Sizes, int Seed, string Heap, double Efficiency, long Blocks);

        /// <summary>The tree and the linear list on the same workload: allocations run, offsets that differ.</summary>
        public sealed record Placement(string Sizes, int Live, long Operations, long Mismatches);

        /// <summary>The free tree after the benchmark's set-up: free blocks indexed and its height.</summary>
        public sealed record Shape(string Sizes, int Live, long FreeBlocks, int Height);

        public IReadOnlyList<Fill> Fills { get; private init; } = new List<Fill>();
        public IReadOnlyList<Placement> Placements { get; private init; } = new List<Placement>();
        public IReadOnlyList<Shape> Shapes { get; private init; } = new List<Shape>();

        /// <summary>Reads <paramref name="path"/>; a missing file gives empty results.</summary>
        public static EfficiencyResults Load(string path)
        {
            if (!File.Exists(path))
                return new EfficiencyResults();
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement root = document.RootElement;
            return new EfficiencyResults
            {
                Fills = Rows(root, "efficiency", e => new Fill(e.GetProperty("sizes").GetString(), e.GetProperty("seed").GetInt32(),
                    e.GetProperty("heap").GetString(), e.GetProperty("efficiency").GetDouble(), e.GetProperty("blocks").GetInt64())),
                Placements = Rows(root, "placement", e => new Placement(e.GetProperty("sizes").GetString(), e.GetProperty("live").GetInt32(),
                    e.GetProperty("operations").GetInt64(), e.GetProperty("mismatches").GetInt64())),
                Shapes = Rows(root, "shape", e => new Shape(e.GetProperty("sizes").GetString(), e.GetProperty("live").GetInt32(),
                    e.GetProperty("freeBlocks").GetInt64(), e.GetProperty("height").GetInt32())),
            };
        }

        /// <summary>The shape at (<paramref name="sizes"/>, <paramref name="live"/>), or null.</summary>
        public Shape ShapeAt(string sizes, int live) => Shapes.FirstOrDefault(s => s.Sizes == sizes && s.Live == live);

        private static List<T> Rows<T>(JsonElement root, string name, System.Func<JsonElement, T> read) =>
            root.TryGetProperty(name, out JsonElement array) ? array.EnumerateArray().Select(read).ToList() : new List<T>();
    }
}
