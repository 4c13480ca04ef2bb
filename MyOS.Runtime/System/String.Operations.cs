namespace System
{
    /// <summary>Comparing, searching, joining and slicing strings (ordinal: char by char).</summary>
    public sealed partial class String
    {
        /// <summary>Whether the two strings have the same characters (null equals only null).</summary>
        public static unsafe bool Equals(string a, string b)
        {
            if ((object)a == (object)b)
                return true;
            if ((object)a == null || (object)b == null || a._stringLength != b._stringLength)
                return false;
            fixed (char* x = &a._firstChar, y = &b._firstChar)
                for (int i = 0; i < a._stringLength; i++)
                    if (x[i] != y[i])
                        return false;
            return true;
        }

        /// <summary>Same characters.</summary>
        public static bool operator ==(string a, string b) => Equals(a, b);

        /// <summary>Different characters.</summary>
        public static bool operator !=(string a, string b) => !Equals(a, b);

        /// <summary>Whether <paramref name="obj"/> is a string with the same characters.</summary>
        public override bool Equals(object obj) => obj is string other && Equals(this, other);

        /// <summary>Whether <paramref name="value"/> has the same characters.</summary>
        public bool Equals(string value) => Equals(this, value);

        /// <summary>A hash of the characters (FNV-1a).</summary>
        public override unsafe int GetHashCode()
        {
            uint hash = 2166136261;
            fixed (char* chars = &_firstChar)
                for (int i = 0; i < _stringLength; i++)
                    hash = (hash ^ chars[i]) * 16777619;
            return (int)hash;
        }

        /// <summary>The string itself.</summary>
        public override string ToString() => this;

        /// <summary>Joins two strings; null counts as empty.</summary>
        public static unsafe string Concat(string a, string b)
        {
            if (IsNullOrEmpty(a))
                return b ?? "";
            if (IsNullOrEmpty(b))
                return a;
            string result = FastAllocateString(a._stringLength + b._stringLength);
            fixed (char* destination = &result._firstChar, x = &a._firstChar, y = &b._firstChar)
            {
                for (int i = 0; i < a._stringLength; i++)
                    destination[i] = x[i];
                for (int i = 0; i < b._stringLength; i++)
                    destination[a._stringLength + i] = y[i];
            }
            return result;
        }

        /// <summary>Joins three strings.</summary>
        public static string Concat(string a, string b, string c) => Concat(Concat(a, b), c);

        /// <summary>Joins four strings.</summary>
        public static string Concat(string a, string b, string c, string d) => Concat(Concat(a, b), Concat(c, d));

        /// <summary>Joins the text of two objects.</summary>
        public static string Concat(object a, object b) => Concat(a?.ToString(), b?.ToString());

        /// <summary>Joins the text of three objects.</summary>
        public static string Concat(object a, object b, object c) => Concat(a?.ToString(), b?.ToString(), c?.ToString());

        /// <summary>Whether the string is null or has no characters.</summary>
        public static bool IsNullOrEmpty(string value) => (object)value == null || value._stringLength == 0;

        /// <summary>Whether the string starts with <paramref name="value"/>.</summary>
        public unsafe bool StartsWith(string value)
        {
            if ((object)value == null || value._stringLength > _stringLength)
                return false;
            fixed (char* x = &_firstChar, y = &value._firstChar)
                for (int i = 0; i < value._stringLength; i++)
                    if (x[i] != y[i])
                        return false;
            return true;
        }

        /// <summary>Index of the first <paramref name="value"/>, or -1.</summary>
        public unsafe int IndexOf(char value)
        {
            fixed (char* chars = &_firstChar)
                for (int i = 0; i < _stringLength; i++)
                    if (chars[i] == value)
                        return i;
            return -1;
        }

        /// <summary>The characters from <paramref name="startIndex"/> to the end.</summary>
        public string Substring(int startIndex) => Substring(startIndex, _stringLength - startIndex);

        /// <summary>The characters [startIndex, startIndex + length).</summary>
        public unsafe string Substring(int startIndex, int length)
        {
            if (startIndex < 0 || length < 0 || startIndex > _stringLength - length)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            if (length == _stringLength)
                return this;
            fixed (char* chars = &_firstChar)
                return new string(chars, startIndex, length);
        }
    }
}
