using System.Text;

namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// What Roslyn builds interpolated strings ($"...{x}...") with: literal parts and formatted
    /// holes are appended in order, then <see cref="ToStringAndClear"/> makes the string.
    /// Holes format through IFormattable when the value has it (integers with {x:X8} etc.),
    /// otherwise through ToString().
    /// </summary>
    [InterpolatedStringHandler]
    public ref struct DefaultInterpolatedStringHandler
    {
        /// <summary>The text so far.</summary>
        private StringBuilder _builder;

        /// <summary>Starts a string of about <paramref name="literalLength"/> characters plus <paramref name="formattedCount"/> holes.</summary>
        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount) =>
            _builder = new StringBuilder(literalLength + formattedCount * 8);

        /// <summary>As the two-argument constructor; the provider is ignored (MyOS is invariant).</summary>
        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount, IFormatProvider provider)
            : this(literalLength, formattedCount) { }

        /// <summary>Appends a literal part.</summary>
        public void AppendLiteral(string value) => _builder.Append(value);

        /// <summary>Appends a string hole.</summary>
        public void AppendFormatted(string value) => _builder.Append(value);

        /// <summary>Appends a string hole aligned in <paramref name="alignment"/> characters (negative: left-aligned).</summary>
        public void AppendFormatted(string value, int alignment = 0, string format = null) => AppendAligned(value, alignment);

        /// <summary>Appends a hole.</summary>
        public void AppendFormatted<T>(T value) => _builder.Append(Format(value, null));

        /// <summary>Appends a hole with a format string ({x:X8}).</summary>
        public void AppendFormatted<T>(T value, string format) => _builder.Append(Format(value, format));

        /// <summary>Appends a hole aligned in <paramref name="alignment"/> characters ({x,8}).</summary>
        public void AppendFormatted<T>(T value, int alignment) => AppendAligned(Format(value, null), alignment);

        /// <summary>Appends a hole with alignment and format ({x,8:X}).</summary>
        public void AppendFormatted<T>(T value, int alignment, string format) => AppendAligned(Format(value, format), alignment);

        private void AppendAligned(string text, int alignment)
        {
            text ??= "";
            int width = alignment < 0 ? -alignment : alignment;
            if (alignment > 0)
                _builder.Append(' ', width - text.Length);
            _builder.Append(text);
            if (alignment < 0)
                _builder.Append(' ', width - text.Length);
        }

        private static string Format<T>(T value, string format)
        {
            if (value is IFormattable formattable)
                return formattable.ToString(format, null);
            return value?.ToString();
        }

        /// <summary>The finished string.</summary>
        public string ToStringAndClear()
        {
            string result = _builder.ToString();
            _builder = null;
            return result;
        }

        /// <summary>The text so far.</summary>
        public override string ToString() => _builder.ToString();
    }
}
