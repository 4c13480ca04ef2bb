using System.Runtime;
using MyOS.Core;
using MyOS.Core.Boot;
using MyOS.Core.Diagnostics;
using MyOS.Runtime.Allocation;

namespace MyOS.Runtime.OperatingSystem
{
    /// <summary>
    /// The process-level facts CoreLib asks for: environment variables (the kernel command
    /// line's name=value options, e.g. `pages=bitmap`), the user (root, uid 0, with no password
    /// database), the CPU, and abort.
    /// </summary>
    internal static unsafe class ProcessEnvironment
    {
        /// <summary>The command line copied once, each option NUL-terminated, so values can be handed out by address.</summary>
        private static byte* s_options;
        private static int s_optionsLength;

        /// <summary>getenv: the value of option <paramref name="name"/>, or null.</summary>
        [RuntimeExport("SystemNative_GetEnv")]
        private static byte* GetVariable(byte* name)
        {
            if (name == null || KernelBoot.CommandLine == null)
                return null;
            if (s_options == null)
                CopyOptions();
            int nameLength = 0;
            while (name[nameLength] != 0)
                nameLength++;
            for (int start = 0; start < s_optionsLength;)
            {
                int end = start;
                while (end < s_optionsLength && s_options[end] != 0)
                    end++;
                if (end - start > nameLength && s_options[start + nameLength] == '=' && SameBytes(s_options + start, name, nameLength))
                    return s_options + start + nameLength + 1;
                start = end + 1;
            }
            return null;
        }

        private static void CopyOptions()
        {
            KernelCommandLine line = KernelBoot.CommandLine;
            s_optionsLength = line.Length;
            s_options = (byte*)RuntimeMemory.AllocateRaw((nuint)line.Length + 1);
            for (int i = 0; i < line.Length; i++)
                s_options[i] = line[i] == ' ' ? (byte)0 : line[i];
        }

        private static bool SameBytes(byte* a, byte* b, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (a[i] != b[i])
                    return false;
            }

            return true;
        }

        [RuntimeExport("SystemNative_GetEUid")]
        private static uint EffectiveUserId() => 0;

        [RuntimeExport("SystemNative_GetEGid")]
        private static uint EffectiveGroupId() => 0;

        /// <summary>getgroups: root belongs to no supplementary groups.</summary>
        [RuntimeExport("SystemNative_GetGroups")]
        private static int Groups(int count, uint* groups) => 0;

        /// <summary>getpwuid_r: there is no password database, so no entry (-1).</summary>
        [RuntimeExport("SystemNative_GetPwUidR")]
        private static int PasswordEntry(uint uid, void* entry, byte* buffer, int bufferLength) => -1;

        [RuntimeExport("SystemNative_SchedGetCpu")]
        private static int CurrentCpu() => 0;

        [RuntimeExport("SystemNative_Abort")]
        private static void Abort() => Panic.OnRuntimeError("Abort", "CoreLib aborted the program (SystemNative_Abort)");

        /// <summary>A message CoreLib logs when it cannot go on (for example before failing fast).</summary>
        [RuntimeExport("SystemNative_LogError")]
        private static void LogError(byte* message)
        {
            if (message == null)
                return;
            int length = 0;
            while (message[length] != 0)
                length++;
            Utf8ConsoleWriter.Write(message, length);
            Core.Console.KernelConsole.WriteLine();
        }
    }
}
