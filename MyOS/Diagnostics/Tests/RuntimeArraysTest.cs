using System;

namespace MyOS.Diagnostics.Tests
{
    /// <summary>One-dimensional arrays of values and references, Array.Copy/Clear, spans over arrays, the stack and raw memory.</summary>
    public sealed unsafe class RuntimeArraysTest : KernelTest
    {
        public override string Name => "runtime.arrays-spans";

        protected override void Execute()
        {
            int[] numbers = { 5, 4, 3, 2, 1 };
            string[] names = new string[3];
            names[1] = "middle";
            Check(numbers.Length == 5 && numbers[0] == 5 && names[0] == null && names[1] == "middle", "arrays of values and references");
            long[][] jagged = { new long[] { 1 }, new long[] { 2, 3 } };
            Check(jagged[1][1] == 3 && jagged[1].Length == 2, "arrays of arrays");

            int[] copy = new int[7];
            Array.Copy(numbers, 0, copy, 1, 5);
            Check(copy[0] == 0 && copy[1] == 5 && copy[5] == 1 && copy[6] == 0, "Array.Copy between arrays");
            Array.Copy(copy, 1, copy, 2, 5);
            Check(copy[1] == 5 && copy[2] == 5 && copy[6] == 1, "Array.Copy with overlapping ranges");
            object[] objects = new object[3];
            Array.Copy(names, objects, 3);
            Check((string)objects[1] == "middle", "Array.Copy from string[] to object[]");
            Array.Clear(numbers, 1, 3);
            Check(numbers[0] == 5 && numbers[1] == 0 && numbers[3] == 0 && numbers[4] == 1, "Array.Clear of a range");
            Array.Clear(names);
            Check(names[1] == null, "Array.Clear of references");
            int[] resized = { 1, 2 };
            Array.Resize(ref resized, 4);
            Check(resized.Length == 4 && resized[1] == 2 && Array.IndexOf(resized, 2) == 1, "Array.Resize and IndexOf");

            int sum = 0;
            foreach (int n in new[] { 1, 2, 3 })
                sum += n;
            Check(sum == 6, "foreach over an array");

            int[] data = { 10, 20, 30, 40, 50 };
            Span<int> span = data;
            span[0] = 11;
            Span<int> middle = span.Slice(1, 3);
            middle.Fill(7);
            Check(data[0] == 11 && data[1] == 7 && data[3] == 7 && data[4] == 50 && middle.Length == 3, "Span over an array writes through");
            ReadOnlySpan<int> read = data;
            int total = 0;
            foreach (int n in read.Slice(3))
                total += n;
            Check(total == 57, "ReadOnlySpan slice and foreach");

            Span<byte> stack = stackalloc byte[64];
            for (int i = 0; i < stack.Length; i++)
                stack[i] = (byte)i;
            Check(stack[63] == 63 && stack.Slice(60)[1] == 61, "Span over stackalloc");
            byte* raw = stackalloc byte[16];
            Span<uint> words = new Span<uint>(raw, 4);
            words.Fill(0xA5A5A5A5);
            Check(raw[0] == 0xA5 && raw[15] == 0xA5, "Span over raw memory");
            words.Clear();
            Check(raw[7] == 0, "Span.Clear over raw memory");
            ReadOnlySpan<char> chars = "kernel";
            Check(chars.Length == 6 && chars[2] == 'r' && new string(chars.Slice(1, 3)) == "ern", "ReadOnlySpan<char> over a string");
            int[] back = span.Slice(3).ToArray();
            Check(back.Length == 2 && back[1] == 50, "Span.ToArray");
        }
    }
}
