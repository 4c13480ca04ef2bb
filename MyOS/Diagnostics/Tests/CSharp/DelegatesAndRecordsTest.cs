using System;
using System.Collections.Generic;

namespace MyOS.Diagnostics.Tests.CSharp
{
    /// <summary>Multicast delegates and events, records with value equality and `with`, tuples with deconstruction, `lock` and `using`.</summary>
    public sealed class DelegatesAndRecordsTest : KernelTest
    {
        public override string Name => "csharp.delegates-records";

        private sealed class Alarm
        {
            public event EventHandler<int> Rang;
            public void Ring(int times) => Rang?.Invoke(this, times);
        }

        private sealed record Region(ulong Base, ulong Length, string Kind)
        {
            public ulong End => Base + Length;
        }

        private readonly record struct Point(int X, int Y);

        private sealed class Tracker : IDisposable
        {
            public static List<string> Log = new List<string>();
            private readonly string _name;
            public Tracker(string name) { _name = name; Log.Add("open " + _name); }
            public void Dispose() => Log.Add("close " + _name);
        }

        protected override void Execute()
        {
            var calls = new List<string>();
            Action<string> chain = s => calls.Add("a" + s);
            chain += s => calls.Add("b" + s);
            chain += s => calls.Add("c" + s);
            chain("1");
            Action<string> removeB = s => calls.Add("x");
            chain -= removeB;
            Check(string.Join(",", calls) == "a1,b1,c1" && chain.GetInvocationList().Length == 3, "multicast delegate: " + string.Join(",", calls));

            var alarm = new Alarm();
            int total = 0;
            EventHandler<int> handler = (sender, times) => total += times;
            alarm.Rang += handler;
            alarm.Rang += (sender, times) => total += 100 * times;
            alarm.Ring(2);
            alarm.Rang -= handler;
            alarm.Ring(1);
            Check(total == 302, "events: subscribe, invoke, unsubscribe");

            var a = new Region(0x1000, 0x2000, "usable");
            var b = new Region(0x1000, 0x2000, "usable");
            var c = a with { Kind = "reserved" };
            Check(a == b && a.Equals(b) && a.GetHashCode() == b.GetHashCode() && a != c && c.End == 0x3000, "record equality and with");
            Check(a.ToString() == "Region { Base = 4096, Length = 8192, Kind = usable, End = 12288 }", "record ToString: " + a);
            var (x, y) = new Point(3, 4);
            Check(x == 3 && y == 4 && new Point(1, 2) == new Point(1, 2), "record struct deconstruction and equality");
            (int pages, string owner) tuple = (8, "shell");
            var (count, name) = tuple;
            Check(count == 8 && name == "shell" && tuple.Equals((8, "shell")) && tuple.ToString() == "(8, shell)", "tuples");

            object gate = new object();
            int inside = 0;
            lock (gate)
            {
                lock (gate)
                    inside++;
            }
            Check(inside == 1 && !System.Threading.Monitor.IsEntered(gate), "lock, re-entered, released");

            Tracker.Log.Clear();
            using (new Tracker("outer"))
            using (var inner = new Tracker("inner"))
                Tracker.Log.Add("body");
            Check(string.Join(",", Tracker.Log) == "open outer,open inner,body,close inner,close outer", "using disposes in reverse order");
        }
    }
}
