using BenchmarkDotNet.Running;

namespace MyOS.Benchmarks
{
    /// <summary>Entry point: `dotnet run -c Release --project MyOS.Benchmarks -- --filter '*'`.</summary>
    public static class Program
    {
        public static void Main(string[] args) =>
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
