using System.Runtime.CompilerServices;

namespace MyOS.Diagnostics.Tests
{
    /// <summary>
    /// Virtual, abstract and interface calls: class hierarchies, interfaces implemented by
    /// classes and structs, generic interfaces, default interface methods, and calls through
    /// generic code constrained to an interface.
    /// </summary>
    public sealed class RuntimeDispatchTest : KernelTest
    {
        public override string Name => "runtime.dispatch";

        private interface IShape
        {
            int Area();
            string Kind => "shape";
        }

        private interface INamed
        {
            string Label { get; }
        }

        private interface IContainer<T>
        {
            T Get(int index);
            int Count { get; }
        }

        private abstract class Shape : IShape, INamed
        {
            public abstract int Area();
            public virtual string Label => "generic shape";
        }

        private sealed class Square : Shape
        {
            private readonly int _side;
            public Square(int side) => _side = side;
            public override int Area() => _side * _side;
            public override string Label => "square";
        }

        private class Rectangle : Shape, IShape
        {
            protected readonly int _width, _height;
            public Rectangle(int width, int height) { _width = width; _height = height; }
            public override int Area() => _width * _height;
            string IShape.Kind => "rectangle";
        }

        private sealed class Banner : Rectangle
        {
            public Banner() : base(10, 2) { }
            public override int Area() => base.Area() + 1;
        }

        private struct Circle : IShape
        {
            public int Radius;
            public int Area() => 3 * Radius * Radius;
        }

        private struct Point : INamed
        {
            public int X;
            public string Label => X > 0 ? "right" : "left";
        }

        private sealed class Repeat : IContainer<int>, IContainer<string>
        {
            int IContainer<int>.Get(int index) => index * 3;
            int IContainer<int>.Count => 4;
            string IContainer<string>.Get(int index) => index == 0 ? "zero" : "many";
            int IContainer<string>.Count => 2;
        }

        protected override void Execute()
        {
            Shape[] shapes = { new Square(3), new Rectangle(2, 5), new Banner() };
            int total = 0;
            for (int i = 0; i < shapes.Length; i++)
                total += shapes[i].Area();
            Check(total == 9 + 10 + 21, "virtual and abstract calls");
            Check(shapes[1].Label == "generic shape" && shapes[0].Label == "square", "virtual property");

            IShape shape = shapes[0];
            Check(shape.Area() == 9, "interface call on a class");
            Check(shape.Kind == "shape", "default interface method");
            Check(((IShape)shapes[1]).Kind == "rectangle", "explicit implementation overrides the default");
            Check(((IShape)shapes[2]).Kind == "rectangle" && ((IShape)shapes[2]).Area() == 21, "inherited interface implementation");

            INamed named = shapes[2];
            Check(named.Label == "generic shape", "second interface of a class");
            INamed boxed = new Point { X = 5 };
            Check(boxed.Label == "right", "interface call on a boxed struct");
            Check(LabelOf(new Point { X = -1 }) == "left", "constrained call on a struct type argument");
            Check(LabelOf(new Square(1)) == "square", "constrained call on a class type argument");

            Repeat repeat = new Repeat();
            IContainer<int> numbers = repeat;
            IContainer<string> words = repeat;
            Check(numbers.Count == 4 && numbers.Get(2) == 6, "generic interface over int");
            Check(words.Count == 2 && words.Get(1) == "many", "generic interface over string");
            Check(Sum(numbers) == 0 + 3 + 6 + 9, "generic interface through a generic method");

            // The calls below are not inlined and see several receiver types at one call site,
            // so the compiler cannot devirtualize them: they go through the dispatch cells.
            IShape[] mixed = { new Square(2), new Rectangle(1, 3), new Circle { Radius = 1 }, new Banner(), new Square(5) };
            Check(TotalArea(mixed) == 4 + 3 + 3 + 21 + 25, "dispatch through interface references, alternating types");
            Check(TotalArea(mixed) == 56, "dispatch again through the cached cells");
            Check(Kinds(mixed) == "shape,rectangle,shape,rectangle,shape,", "default and explicit interface methods through references");
            INamed[] names = { new Point { X = 1 }, new Square(1), new Rectangle(1, 1), new Point { X = -2 } };
            Check(Labels(names) == "right,square,generic shape,left,", "dispatch to boxed structs and classes");
            Check(SumThrough(repeat) == 18 && CountThrough(repeat) == 2, "explicit implementations of two instantiations");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int TotalArea(IShape[] shapes)
        {
            int total = 0;
            for (int i = 0; i < shapes.Length; i++)
                total += shapes[i].Area();
            return total;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static string Kinds(IShape[] shapes)
        {
            string text = "";
            for (int i = 0; i < shapes.Length; i++)
                text += shapes[i].Kind + ",";
            return text;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static string Labels(INamed[] items)
        {
            string text = "";
            for (int i = 0; i < items.Length; i++)
                text += items[i].Label + ",";
            return text;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int SumThrough(IContainer<int> container) => Sum(container);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int CountThrough(IContainer<string> container) => container.Count;

        private static string LabelOf<T>(T value) where T : INamed => value.Label;

        private static int Sum(IContainer<int> container)
        {
            int sum = 0;
            for (int i = 0; i < container.Count; i++)
                sum += container.Get(i);
            return sum;
        }
    }
}
