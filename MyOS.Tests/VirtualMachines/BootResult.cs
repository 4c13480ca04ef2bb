using System;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>What a boot to the first prompt showed.</summary>
    /// <param name="BannerLine">The first line starting with "MyOS ".</param>
    /// <param name="BootTime">From starting the VM process to the arrival of the first prompt.</param>
    /// <param name="Text">The serial output from the banner line through the prompt.</param>
    public sealed record BootResult(string BannerLine, TimeSpan BootTime, string Text);
}
