using System;
using System.Runtime;

namespace MyOS.Runtime.Startup
{
    /// <summary>
    /// What CoreLib asks about the runtime itself: its configuration knobs (AppContext data;
    /// the build's feature switches are compiled into CoreLib instead, so there are none) and
    /// its version string.
    /// </summary>
    internal static unsafe class RuntimeConfiguration
    {
        [RuntimeExport("RhGetKnobValues")]
        private static uint KnobValues(byte*** keys, byte*** values)
        {
            *keys = null;
            *values = null;
            return 0;
        }

        [RuntimeExport("RhGetRuntimeVersion")]
        private static byte* Version(int* length)
        {
            ReadOnlySpan<byte> version = "MyOS.Runtime 0.1 on NativeAOT 10.0.12"u8;
            *length = version.Length;
            fixed (byte* text = version)
                return text;
        }
    }
}
