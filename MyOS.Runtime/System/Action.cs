namespace System
{
    /// <summary>A delegate type of the standard library: void Action().</summary>
    public delegate void Action();
}
