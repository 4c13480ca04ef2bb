namespace System
{
    /// <summary>A value that formats itself with a format string (interpolation holes like {x:X8} use it).</summary>
    public interface IFormattable
    {
        /// <summary>The value as text in <paramref name="format"/>; the provider is ignored by MyOS types.</summary>
        string ToString(string format, IFormatProvider formatProvider);
    }
}
