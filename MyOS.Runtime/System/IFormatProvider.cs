namespace System
{
    /// <summary>Culture information for formatting. MyOS formats invariantly; providers are accepted and ignored.</summary>
    public interface IFormatProvider
    {
        /// <summary>A formatting service of the given type, or null.</summary>
        object GetFormat(Type formatType);
    }
}
