using System.Runtime;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Console;

namespace MyOS.Runtime.OperatingSystem
{
    /// <summary>
    /// File descriptors 0, 1 and 2 as CoreLib's Console uses them: a terminal. Output (1 and 2)
    /// goes to the kernel console (screen and serial) as UTF-8; input (0) is the keys typed, as
    /// the bytes a terminal in raw mode sends (<see cref="TerminalInput"/>), so Console.ReadKey
    /// works and Console.ReadLine edits the line with CoreLib's own editor. With no TERM and no
    /// terminfo, CoreLib asks the terminal only where its cursor is, which is answered here.
    /// No other descriptor exists.
    /// </summary>
    internal static unsafe class ConsoleDescriptors
    {
        private const int StandardInput = 0, StandardOutput = 1, StandardError = 2;

        private static bool IsConsole(nint fd) => fd >= StandardInput && fd <= StandardError;

        [RuntimeExport("SystemNative_Write")]
        private static int Write(nint fd, byte* buffer, int count)
        {
            if (fd != StandardOutput && fd != StandardError)
                return ErrorNumber.Fail(ErrorNumber.EBADF);
            if (IsCursorPositionQuery(buffer, count))
            {
                // A terminal answers "ESC [ 6 n" on its input: CoreLib's line editor asks where the cursor is.
                TextScreen screen = KernelConsole.Screen;
                int cell = screen == null ? 0 : screen.Cell;
                int width = screen == null ? 80 : screen.Width;
                TerminalInput.AnswerCursorPosition(cell / width + 1, cell % width + 1);
                return count;
            }
            Utf8ConsoleWriter.Write(buffer, count);
            return count;
        }

        private static bool IsCursorPositionQuery(byte* bytes, int count) =>
            count == 4 && bytes[0] == 0x1B && bytes[1] == '[' && bytes[2] == '6' && bytes[3] == 'n';

        [RuntimeExport("SystemNative_Read")]
        private static int Read(nint fd, byte* buffer, int count)
        {
            if (fd != StandardInput)
                return ErrorNumber.Fail(ErrorNumber.EBADF);
            return TerminalInput.Read(buffer, count);
        }

        /// <summary>Console's own read of standard input (Console.ReadLine, Console.In).</summary>
        [RuntimeExport("SystemNative_ReadStdin")]
        private static int ReadStandardInput(byte* buffer, int count) => TerminalInput.Read(buffer, count);

        /// <summary>Console.KeyAvailable: whether a key is waiting, without waiting.</summary>
        [RuntimeExport("SystemNative_StdinReady")]
        private static int StandardInputReady(int distinguishNewLines) => TerminalInput.WaitForInput(0) ? 1 : 0;

        // Terminal modes around a read: the line discipline here has only one mode.
        [RuntimeExport("SystemNative_InitializeConsoleBeforeRead")]
        private static void BeforeRead(byte minimumCharacters, byte timeoutTenthsOfSecond)
        {
        }

        [RuntimeExport("SystemNative_UninitializeConsoleAfterRead")]
        private static void AfterRead()
        {
        }

        [RuntimeExport("SystemNative_IsATty")]
        private static int IsATty(nint fd) => IsConsole(fd) ? 1 : 0;

        /// <summary>dup: the console descriptors need no copies, so the same number serves.</summary>
        [RuntimeExport("SystemNative_Dup")]
        private static nint Duplicate(nint fd) => IsConsole(fd) ? fd : ErrorNumber.Fail(ErrorNumber.EBADF);

        [RuntimeExport("SystemNative_Close")]
        private static int Close(nint fd) => IsConsole(fd) ? 0 : ErrorNumber.Fail(ErrorNumber.EBADF);

        /// <summary>FStat: the console descriptors are character devices; anything else is not open.</summary>
        [RuntimeExport("SystemNative_FStat")]
        private static int Status(nint fd, FileStatus* status)
        {
            if (!IsConsole(fd))
                return ErrorNumber.Fail(ErrorNumber.EBADF);
            *status = default;
            status->Mode = FileStatus.CharacterDevice | 0x1B6;  // crw-rw-rw-
            return 0;
        }

        [RuntimeExport("SystemNative_LSeek")]
        private static long Seek(nint fd, long offset, int whence) =>
            ErrorNumber.Fail(IsConsole(fd) ? ErrorNumber.ESPIPE : ErrorNumber.EBADF);

        /// <summary>poll: standard input is readable when a key is waiting; waits up to <paramref name="milliseconds"/> (-1: for ever).</summary>
        [RuntimeExport("SystemNative_Poll")]
        private static int Poll(PollEvent* events, uint count, int milliseconds, uint* triggered)
        {
            uint ready = 0;
            for (uint i = 0; i < count; i++)
            {
                events[i].TriggeredEvents = 0;
                if (events[i].FileDescriptor == StandardInput && (events[i].Events & PollEvent.In) != 0
                    && TerminalInput.WaitForInput(milliseconds))
                {
                    events[i].TriggeredEvents = PollEvent.In;
                }
                else if ((events[i].FileDescriptor == StandardOutput || events[i].FileDescriptor == StandardError)
                    && (events[i].Events & PollEvent.Out) != 0)
                {
                    events[i].TriggeredEvents = PollEvent.Out;
                }

                if (events[i].TriggeredEvents != 0)
                    ready++;
            }
            *triggered = ready;
            return 0;
        }

        /// <summary>The kernel console's size in character cells.</summary>
        [RuntimeExport("SystemNative_GetWindowSize")]
        private static int WindowSize(nint fd, ushort* size)
        {
            // The screen's grid (80x25 in VGA text, larger on a framebuffer); 80x25 when serial is all there is.
            MyOS.Core.Console.TextScreen screen = MyOS.Core.Console.KernelConsole.Screen;
            size[0] = (ushort)(screen != null ? screen.Height : 25);
            size[1] = (ushort)(screen != null ? screen.Width : 80);
            size[2] = 0;
            size[3] = 0;
            return 0;
        }

        // Terminal set-up: Console calls these whether or not a descriptor is a terminal.
        [RuntimeExport("SystemNative_InitializeTerminalAndSignalHandling")]
        private static int InitializeTerminal() => 1;

        [RuntimeExport("SystemNative_UninitializeTerminal")]
        private static void UninitializeTerminal()
        {
        }

        [RuntimeExport("SystemNative_SetKeypadXmit")]
        private static void SetKeypadTransmit(nint fd, byte* terminfoString)
        {
        }

        [RuntimeExport("SystemNative_SetTerminalInvalidationHandler")]
        private static void SetTerminalInvalidationHandler(void* callback)
        {
        }

        /// <summary>The terminal's control characters (erase, interrupt, ...): none are special to CoreLib here.</summary>
        [RuntimeExport("SystemNative_GetControlCharacters")]
        private static void ControlCharacters(int* names, byte* values, int count, byte* posixDisable)
        {
            for (int i = 0; i < count; i++)
                values[i] = 0;
            *posixDisable = 0;
        }
    }
}
