using System;
using System.Diagnostics;

namespace MyOS.Diagnostics.Tests.CSharp
{
    /// <summary>Type and enum names, Stopwatch and DateTime, Console output through the kernel's descriptors.</summary>
    public sealed class RuntimeTypesTest : KernelTest
    {
        public override string Name => "csharp.types-time";

        private enum PageOwner { Free, Heap, Shell }

        [Flags]
        private enum Access { None = 0, Read = 1, Write = 2 }

        protected override void Execute()
        {
            Check(PageOwner.Shell.ToString() == "Shell" && (Access.Read | Access.Write).ToString() == "Read, Write", "enum names");
            Check(Enum.Parse<PageOwner>("Heap") == PageOwner.Heap && Enum.GetNames<PageOwner>().Length == 3, "Enum.Parse, GetNames");
            Check(new Version(1, 2).GetType().Name == "Version" && GetType().Name == nameof(RuntimeTypesTest) && typeof(int[]).Name == "Int32[]", "GetType().Name, typeof");
            Check(typeof(PageOwner).FullName == "MyOS.Diagnostics.Tests.CSharp.RuntimeTypesTest+PageOwner", "Type.FullName: " + typeof(PageOwner).FullName);

            Stopwatch watch = Stopwatch.StartNew();
            long ticks0 = Environment.TickCount64;
            System.Threading.Thread.Sleep(30);
            watch.Stop();
            Check(watch.ElapsedMilliseconds >= 25 && Environment.TickCount64 - ticks0 >= 25, "Thread.Sleep, Stopwatch, TickCount64: " + watch.ElapsedMilliseconds + " ms");
            DateTime now = DateTime.UtcNow;
            Check(now.Year >= 2024 && now.Year < 2100 && now.Kind == DateTimeKind.Utc, "DateTime.UtcNow from the real-time clock: " + now.ToString("u"));
            Check(DateTime.UtcNow >= now, "DateTime.UtcNow does not go back");
            Check(new DateTime(2026, 12, 2).DayOfWeek == DayOfWeek.Wednesday && new TimeSpan(1, 30, 0).TotalMinutes == 90, "DateTime and TimeSpan arithmetic");
            var random = new Random();
            int r = random.Next(10, 20);
            Span<byte> bytes = stackalloc byte[16];
            Random.Shared.NextBytes(bytes);
            Check(r >= 10 && r < 20 && bytes.IndexOfAnyExcept((byte)0) >= 0, "Random");
            Check(Environment.GetEnvironmentVariable("pages") is "bitmap" or "bytemap", "environment variables from the kernel command line");
            Check(!System.IO.File.Exists("/etc/motd"), "no file system: File.Exists is false");
        }
    }
}
