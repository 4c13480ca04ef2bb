using BenchmarkDotNet.Running;

namespace MyOS.Benchmarks
{
    /// <summary>
    /// Entry point: `dotnet run -c Release --project MyOS.Benchmarks -- --filter '*'` runs every
    /// benchmark (as the performance report does, MyOS.Tools); `-- --efficiency path.json`
    /// measures heap efficiency at first failure instead; `-- --heap-kernel-path path.json`
    /// times the kernel's allocation path (HeapKernelPathTiming).
    /// </summary>
    public static class Program
    {
        public static void Main(string[] args)
        {
            if (args.Length == 2 && args[0] == "--efficiency")
            {
                HeapEfficiency.Run(args[1]);
                return;
            }
            if (args.Length == 2 && args[0] == "--heap-kernel-path")
            {
                HeapKernelPathTiming.Run(args[1]);
                return;
            }
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
