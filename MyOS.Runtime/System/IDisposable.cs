namespace System
{
    /// <summary>Something with resources to give back at the end of a `using`.</summary>
    public interface IDisposable
    {
        /// <summary>Gives the resources back.</summary>
        void Dispose();
    }
}
