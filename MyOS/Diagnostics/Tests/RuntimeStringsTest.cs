using System.Text;

namespace MyOS.Diagnostics.Tests
{
    /// <summary>Strings: literals, concatenation, interpolation, comparison, searching, slicing, trimming, splitting, case, StringBuilder.</summary>
    public sealed class RuntimeStringsTest : KernelTest
    {
        public override string Name => "runtime.strings";

        protected override void Execute()
        {
            string hello = "hello";
            int count = 42;
            long big = -9000000000L;
            Check(hello + " " + "world" == "hello world", "concatenation of strings");
            Check("n=" + count + ", big=" + big == "n=42, big=-9000000000", "concatenation with integers");
            Check($"{hello}: {count} items, {big}" == "hello: 42 items, -9000000000", "interpolation of strings and integers");
            Check($"[{count:X8}] [{count,5}] [{hello,-7}]" == "[0000002A] [   42] [hello  ]", "interpolation with format and alignment");
            string built = "";
            for (int i = 0; i < 5; i++)
                built += i;
            Check(built == "01234" && built.Length == 5, "+= in a loop");

            Check(hello == "hel" + "lo" && hello != "Hello" && hello.Equals("hello"), "== and Equals compare characters");
            Check("apple".CompareTo("banana") < 0 && "b".CompareTo("a") > 0 && "same".CompareTo("same") == 0, "CompareTo");
            Check("ab".CompareTo("abc") < 0 && string.Compare("x", null) > 0, "CompareTo with prefixes and null");
            Check("kernel panic".IndexOf('p') == 7 && "kernel".IndexOf('z') == -1, "IndexOf(char)");
            Check("one two two".IndexOf("two") == 4 && "abc".IndexOf("") == 0 && "abc".IndexOf("abcd") == -1, "IndexOf(string)");
            Check("one two two".LastIndexOf("two") == 8 && "a.b.c".LastIndexOf('.') == 3, "LastIndexOf");
            Check("MyOS kernel".StartsWith("MyOS") && !"MyOS".StartsWith("MyOS kernel") && "file.txt".EndsWith(".txt"), "StartsWith and EndsWith");
            Check("operating".Substring(5) == "ting" && "operating".Substring(2, 3) == "era", "Substring");
            Check("  padded \t\n".Trim() == "padded" && "  x ".TrimStart() == "x " && "  x ".TrimEnd() == "  x", "Trim");
            Check("--x--".Trim('-') == "x", "Trim(char)");

            string[] parts = "a,b,,c".Split(',');
            Check(parts.Length == 4 && parts[0] == "a" && parts[2] == "" && parts[3] == "c", "Split(char) keeps empty parts");
            string[] words = "alloc 0x1000 16K".Split(' ');
            Check(words.Length == 3 && words[1] == "0x1000", "Split of a shell line");
            Check("a::b::c".Split("::").Length == 3 && string.Join("-", "a::b::c".Split("::")) == "a-b-c", "Split(string) and Join");

            Check("MixedCase 123".ToUpper() == "MIXEDCASE 123" && "MixedCase".ToLower() == "mixedcase", "ToUpper and ToLower");
            Check("a-b-c".Replace('-', '+') == "a+b+c" && "one two one".Replace("one", "1") == "1 two 1", "Replace");
            Check("7".PadLeft(3, '0') == "007" && "ab".PadRight(4) == "ab  ", "PadLeft and PadRight");
            Check(string.IsNullOrEmpty("") && string.IsNullOrEmpty(null) && string.IsNullOrWhiteSpace(" \t") && !string.IsNullOrEmpty("x"), "IsNullOrEmpty / IsNullOrWhiteSpace");
            Check("abc".Contains("bc") && !"abc".Contains("cb") && "abc"[1] == 'b', "Contains and indexer");
            Check(new string('=', 4) == "====" && new string(new[] { 'o', 'k' }) == "ok", "string constructors");

            StringBuilder builder = new StringBuilder();
            builder.Append("pages: ").Append(256).Append(", free: ").Append(true).Append('!');
            Check(builder.ToString() == "pages: 256, free: True!", "StringBuilder.Append of mixed types");
            for (int i = 0; i < 100; i++)
                builder.Append('x');
            Check(builder.Length == 123 && builder[122] == 'x', "StringBuilder grows");
            builder.Clear().Append("world").Insert(0, "hello ").AppendLine();
            Check(builder.ToString() == "hello world\n", "StringBuilder Insert, Clear, AppendLine");
            builder.Remove(0, 6);
            Check(builder.ToString() == "world\n", "StringBuilder Remove");
        }
    }
}
