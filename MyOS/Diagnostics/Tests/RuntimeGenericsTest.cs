namespace MyOS.Diagnostics.Tests
{
    /// <summary>Generic types and methods over classes and structs, nullable value types and enums.</summary>
    public sealed class RuntimeGenericsTest : KernelTest
    {
        public override string Name => "runtime.generics";

        private sealed class Box<T>
        {
            public T Value;
            public Box(T value) => Value = value;
            public bool HasDefault => Equals(Value, default(T));
            private static bool Equals(T a, T b) => a == null ? b == null : a.Equals(b);
        }

        private struct Pair<TFirst, TSecond>
        {
            public TFirst First;
            public TSecond Second;
            public Pair(TFirst first, TSecond second) { First = first; Second = second; }
        }

        private enum Color : byte { Red = 1, Green = 2, Blue = 4 }

        [System.Flags]
        private enum Access { None = 0, Read = 1, Write = 2, Execute = 4 }

        protected override void Execute()
        {
            Box<int> number = new Box<int>(7);
            Box<string> text = new Box<string>("seven");
            Check(number.Value == 7 && text.Value == "seven", "generic class over int and string");
            Check(new Box<int>(0).HasDefault && !number.HasDefault && new Box<string>(null).HasDefault, "default(T) and Equals in generic code");

            Pair<long, string> pair = new Pair<long, string>(1L << 40, "big");
            Check(pair.First == 1L << 40 && pair.Second == "big", "generic struct");
            Check(Max(3, 9) == 9 && Max(-1L, -5L) == -1L, "generic method with constraints");
            Check(Swap(ref pair).First == "big", "generic method returning a generic struct");
            Check(Count<string>(new[] { "a", "b" }) == 2 && Count(new Color[3]) == 3, "generic method over arrays");

            int? maybe = null;
            Check(!maybe.HasValue && maybe.GetValueOrDefault() == 0, "empty nullable");
            maybe = 5;
            Check(maybe.HasValue && maybe.Value == 5 && (maybe + 1) == 6, "nullable with value and lifted +");
            int? nothing = null;
            Check((nothing + 1) == null && (maybe ?? 0) == 5 && (nothing ?? 9) == 9, "lifted operators and ??");
            object boxedNullable = maybe;
            Check(boxedNullable is int && (int)boxedNullable == 5, "boxed nullable is the value");
            Check((object)nothing == null, "an empty nullable boxes to null");
            int? unboxed = (int?)boxedNullable;
            Check(unboxed == 5, "unbox to nullable");

            Color color = Color.Green;
            Check((int)color == 2 && color != Color.Red, "enum values");
            Check(color switch { Color.Red => 1, Color.Green => 2, _ => 3 } == 2, "switch on enum");
            Access access = Access.Read | Access.Write;
            Check((access & Access.Write) != 0 && (access & Access.Execute) == 0, "flags enum");
            Check(access.HasFlag(Access.Read) && !access.HasFlag(Access.Execute), "Enum.HasFlag");
            Check(color.Equals(Color.Green) && color.GetHashCode() == 2, "enum Equals and GetHashCode");
            Check(color.ToString() == "Green" && access.ToString() == "Read, Write", "enum ToString gives the names");
        }

        private static T Max<T>(T a, T b) where T : System.IComparable<T> => a.CompareTo(b) >= 0 ? a : b;

        private static Pair<TSecond, TFirst> Swap<TFirst, TSecond>(ref Pair<TFirst, TSecond> pair) =>
            new Pair<TSecond, TFirst>(pair.Second, pair.First);

        private static int Count<T>(T[] items) => items.Length;
    }
}
