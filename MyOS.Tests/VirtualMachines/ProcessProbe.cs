using System;
using System.IO;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// Looks at one process id in /proc. A process is identified by its id together with its start
    /// time, so a recycled id that now belongs to some other program is never taken for the VM.
    /// </summary>
    public static class ProcessProbe
    {
        /// <summary>The start time of process <paramref name="pid"/> in clock ticks since boot, or null if there is none.</summary>
        public static ulong? StartTime(int pid)
        {
            string[] fields = StatFields(pid);
            // Field 22 of /proc/PID/stat; fields[0] is field 3 (the state).
            return fields != null && fields.Length > 19 && ulong.TryParse(fields[19], out ulong ticks) ? ticks : null;
        }

        /// <summary>
        /// True while the process with this id and start time exists and has not exited (a zombie,
        /// exited but not yet reaped, counts as gone: it runs no code and holds no resources but its id).
        /// </summary>
        public static bool IsAlive(int pid, ulong startTime)
        {
            string[] fields = StatFields(pid);
            if (fields == null || fields.Length <= 19 || fields[19] != startTime.ToString())
                return false;
            return fields[0] != "Z" && fields[0] != "X";
        }

        /// <summary>The file name of the program process <paramref name="pid"/> runs now (after any exec), or null.</summary>
        public static string ExecutableName(int pid)
        {
            try
            {
                FileSystemInfo target = new FileInfo($"/proc/{pid}/exe").ResolveLinkTarget(returnFinalTarget: false);
                return target?.Name;
            }
            catch (IOException) { return null; }
            catch (UnauthorizedAccessException) { return null; }
        }

        // The fields after the command name: the name is in parentheses and may itself hold spaces
        // or parentheses, so everything up to the last ')' is skipped.
        private static string[] StatFields(int pid)
        {
            string stat;
            try { stat = File.ReadAllText($"/proc/{pid}/stat"); }
            catch (IOException) { return null; }
            catch (UnauthorizedAccessException) { return null; }
            int nameEnd = stat.LastIndexOf(')');
            return nameEnd < 0 ? null : stat.Substring(nameEnd + 1).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
    }
}
