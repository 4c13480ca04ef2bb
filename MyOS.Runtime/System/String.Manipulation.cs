namespace System
{
    /// <summary>Making new strings from old ones: joining, slicing, trimming, splitting, case mapping.</summary>
    public sealed unsafe partial class String
    {
        /// <summary>Copies <paramref name="count"/> characters of <paramref name="source"/> from <paramref name="sourceIndex"/> into <paramref name="destination"/> at <paramref name="destinationIndex"/>.</summary>
        private static void CopyChars(string source, int sourceIndex, string destination, int destinationIndex, int count)
        {
            fixed (char* from = &source._firstChar, to = &destination._firstChar)
                for (int i = 0; i < count; i++)
                    to[destinationIndex + i] = from[sourceIndex + i];
        }

        /// <summary>Joins two strings; null counts as empty.</summary>
        public static string Concat(string a, string b)
        {
            if (IsNullOrEmpty(a))
                return b ?? "";
            if (IsNullOrEmpty(b))
                return a;
            string result = FastAllocateString(a._stringLength + b._stringLength);
            CopyChars(a, 0, result, 0, a._stringLength);
            CopyChars(b, 0, result, a._stringLength, b._stringLength);
            return result;
        }

        /// <summary>Joins three strings.</summary>
        public static string Concat(string a, string b, string c) => Concat(new string[] { a, b, c });

        /// <summary>Joins four strings.</summary>
        public static string Concat(string a, string b, string c, string d) => Concat(new string[] { a, b, c, d });

        /// <summary>Joins any number of strings; nulls count as empty.</summary>
        public static string Concat(params string[] values)
        {
            int length = 0;
            for (int i = 0; i < values.Length; i++)
                if ((object)values[i] != null)
                    length += values[i]._stringLength;
            string result = FastAllocateString(length);
            int position = 0;
            for (int i = 0; i < values.Length; i++)
            {
                string value = values[i];
                if ((object)value == null)
                    continue;
                CopyChars(value, 0, result, position, value._stringLength);
                position += value._stringLength;
            }
            return result;
        }

        /// <summary>Joins the text of an object.</summary>
        public static string Concat(object a) => a?.ToString() ?? "";

        /// <summary>Joins the text of two objects.</summary>
        public static string Concat(object a, object b) => Concat(a?.ToString(), b?.ToString());

        /// <summary>Joins the text of three objects.</summary>
        public static string Concat(object a, object b, object c) => Concat(a?.ToString(), b?.ToString(), c?.ToString());

        /// <summary>Joins the text of any number of objects.</summary>
        public static string Concat(params object[] values)
        {
            string[] texts = new string[values.Length];
            for (int i = 0; i < values.Length; i++)
                texts[i] = values[i]?.ToString();
            return Concat(texts);
        }

        /// <summary>Joins <paramref name="values"/> with <paramref name="separator"/> between them.</summary>
        public static string Join(string separator, params string[] values)
        {
            if (values.Length == 0)
                return "";
            string[] parts = new string[values.Length * 2 - 1];
            for (int i = 0; i < values.Length; i++)
            {
                parts[i * 2] = values[i];
                if (i > 0)
                    parts[i * 2 - 1] = separator;
            }
            return Concat(parts);
        }

        /// <summary>Joins <paramref name="values"/> with <paramref name="separator"/> between them.</summary>
        public static string Join(char separator, params string[] values) => Join(new string(separator, 1), values);

        /// <summary>The characters from <paramref name="startIndex"/> to the end.</summary>
        public string Substring(int startIndex) => Substring(startIndex, _stringLength - startIndex);

        /// <summary>The characters [startIndex, startIndex + length).</summary>
        public string Substring(int startIndex, int length)
        {
            if (startIndex < 0 || length < 0 || startIndex > _stringLength - length)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            if (length == _stringLength)
                return this;
            string result = FastAllocateString(length);
            CopyChars(this, startIndex, result, 0, length);
            return result;
        }

        /// <summary>Without leading and trailing white space.</summary>
        public string Trim() => TrimRange(true, true, '\0', true);

        /// <summary>Without leading and trailing <paramref name="trimChar"/>.</summary>
        public string Trim(char trimChar) => TrimRange(true, true, trimChar, false);

        /// <summary>Without leading white space.</summary>
        public string TrimStart() => TrimRange(true, false, '\0', true);

        /// <summary>Without trailing white space.</summary>
        public string TrimEnd() => TrimRange(false, true, '\0', true);

        /// <summary>Without trailing <paramref name="trimChar"/>.</summary>
        public string TrimEnd(char trimChar) => TrimRange(false, true, trimChar, false);

        private string TrimRange(bool start, bool end, char trimChar, bool whiteSpace)
        {
            int first = 0, last = _stringLength - 1;
            if (start)
                while (first <= last && (whiteSpace ? char.IsWhiteSpace(this[first]) : this[first] == trimChar))
                    first++;
            if (end)
                while (last >= first && (whiteSpace ? char.IsWhiteSpace(this[last]) : this[last] == trimChar))
                    last--;
            return Substring(first, last - first + 1);
        }

        /// <summary>The pieces between occurrences of <paramref name="separator"/> (empty pieces kept).</summary>
        public string[] Split(char separator) => Split(new char[] { separator });

        /// <summary>The pieces between occurrences of any of <paramref name="separators"/> (empty pieces kept).</summary>
        public string[] Split(params char[] separators)
        {
            int count = 1;
            for (int i = 0; i < _stringLength; i++)
                if (IsSeparator(this[i], separators))
                    count++;
            string[] parts = new string[count];
            int part = 0, start = 0;
            for (int i = 0; i < _stringLength; i++)
            {
                if (!IsSeparator(this[i], separators))
                    continue;
                parts[part++] = Substring(start, i - start);
                start = i + 1;
            }
            parts[part] = Substring(start);
            return parts;
        }

        /// <summary>The pieces between occurrences of <paramref name="separator"/> (empty pieces kept).</summary>
        public string[] Split(string separator)
        {
            if (IsNullOrEmpty(separator))
                return new string[] { this };
            int count = 1;
            for (int i = IndexOf(separator); i >= 0; i = IndexOf(separator, i + separator._stringLength))
                count++;
            string[] parts = new string[count];
            int part = 0, start = 0;
            for (int i = IndexOf(separator); i >= 0; i = IndexOf(separator, start))
            {
                parts[part++] = Substring(start, i - start);
                start = i + separator._stringLength;
            }
            parts[part] = Substring(start);
            return parts;
        }

        private static bool IsSeparator(char c, char[] separators)
        {
            // No separators means white space, as in .NET.
            if (separators == null || separators.Length == 0)
                return char.IsWhiteSpace(c);
            for (int i = 0; i < separators.Length; i++)
                if (separators[i] == c)
                    return true;
            return false;
        }

        /// <summary>Upper case (Latin-1 letters; see <see cref="char.ToUpper"/>).</summary>
        public string ToUpper() => MapChars(true);

        /// <summary>Lower case (Latin-1 letters; see <see cref="char.ToLower"/>).</summary>
        public string ToLower() => MapChars(false);

        /// <summary>Same as <see cref="ToUpper"/> (MyOS is invariant).</summary>
        public string ToUpperInvariant() => MapChars(true);

        /// <summary>Same as <see cref="ToLower"/> (MyOS is invariant).</summary>
        public string ToLowerInvariant() => MapChars(false);

        private string MapChars(bool upper)
        {
            string result = FastAllocateString(_stringLength);
            fixed (char* from = &_firstChar, to = &result._firstChar)
                for (int i = 0; i < _stringLength; i++)
                    to[i] = upper ? char.ToUpper(from[i]) : char.ToLower(from[i]);
            return result;
        }

        /// <summary>Every <paramref name="oldChar"/> replaced by <paramref name="newChar"/>.</summary>
        public string Replace(char oldChar, char newChar)
        {
            string result = FastAllocateString(_stringLength);
            fixed (char* from = &_firstChar, to = &result._firstChar)
                for (int i = 0; i < _stringLength; i++)
                    to[i] = from[i] == oldChar ? newChar : from[i];
            return result;
        }

        /// <summary>Every occurrence of <paramref name="oldValue"/> replaced by <paramref name="newValue"/> (null means empty).</summary>
        public string Replace(string oldValue, string newValue) => Join(newValue ?? "", Split(oldValue));

        /// <summary>Right-aligns the text in <paramref name="totalWidth"/> characters, padding with <paramref name="paddingChar"/>.</summary>
        public string PadLeft(int totalWidth, char paddingChar = ' ') =>
            totalWidth <= _stringLength ? this : Concat(new string(paddingChar, totalWidth - _stringLength), this);

        /// <summary>Left-aligns the text in <paramref name="totalWidth"/> characters, padding with <paramref name="paddingChar"/>.</summary>
        public string PadRight(int totalWidth, char paddingChar = ' ') =>
            totalWidth <= _stringLength ? this : Concat(this, new string(paddingChar, totalWidth - _stringLength));

        /// <summary>The string with <paramref name="value"/> inserted at <paramref name="startIndex"/>.</summary>
        public string Insert(int startIndex, string value) => Concat(Substring(0, startIndex), value, Substring(startIndex));

        /// <summary>The string without the characters [startIndex, startIndex + count).</summary>
        public string Remove(int startIndex, int count) => Concat(Substring(0, startIndex), Substring(startIndex + count));

        /// <summary>The string without the characters from <paramref name="startIndex"/> on.</summary>
        public string Remove(int startIndex) => Substring(0, startIndex);

        /// <summary>The characters as a new array.</summary>
        public char[] ToCharArray()
        {
            char[] result = new char[_stringLength];
            for (int i = 0; i < _stringLength; i++)
                result[i] = this[i];
            return result;
        }
    }
}
