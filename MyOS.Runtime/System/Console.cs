using Internal.Runtime;

namespace System
{
    /// <summary>
    /// Text output to the kernel console (screen and serial), through the character writer the
    /// kernel plugs into <see cref="KernelHooks.WriteChar"/>. Lines end with "\n". There is no
    /// input: the kernel's shell reads the keyboard and serial port itself.
    /// </summary>
    public static unsafe class Console
    {
        /// <summary>Writes one character (dropped if the kernel has not plugged in a writer yet).</summary>
        public static void Write(char value)
        {
            if (KernelHooks.WriteChar != null)
                KernelHooks.WriteChar(value);
        }

        /// <summary>Writes a string (null writes nothing).</summary>
        public static void Write(string value)
        {
            if (value == null)
                return;
            for (int i = 0; i < value.Length; i++)
                Write(value[i]);
        }

        /// <summary>Writes an integer in decimal.</summary>
        public static void Write(int value) => Write(value.ToString());

        /// <summary>Writes an integer in decimal.</summary>
        public static void Write(uint value) => Write(value.ToString());

        /// <summary>Writes an integer in decimal.</summary>
        public static void Write(long value) => Write(value.ToString());

        /// <summary>Writes an integer in decimal.</summary>
        public static void Write(ulong value) => Write(value.ToString());

        /// <summary>Writes "True" or "False".</summary>
        public static void Write(bool value) => Write(value.ToString());

        /// <summary>Writes the object's text (null writes nothing).</summary>
        public static void Write(object value) => Write(value?.ToString());

        /// <summary>Writes the characters.</summary>
        public static void Write(char[] buffer)
        {
            for (int i = 0; i < buffer.Length; i++)
                Write(buffer[i]);
        }

        /// <summary>Ends the line.</summary>
        public static void WriteLine() => Write('\n');

        /// <summary>Writes a string and ends the line.</summary>
        public static void WriteLine(string value)
        {
            Write(value);
            Write('\n');
        }

        /// <summary>Writes a character and ends the line.</summary>
        public static void WriteLine(char value)
        {
            Write(value);
            Write('\n');
        }

        /// <summary>Writes an integer in decimal and ends the line.</summary>
        public static void WriteLine(int value) => WriteLine(value.ToString());

        /// <summary>Writes an integer in decimal and ends the line.</summary>
        public static void WriteLine(uint value) => WriteLine(value.ToString());

        /// <summary>Writes an integer in decimal and ends the line.</summary>
        public static void WriteLine(long value) => WriteLine(value.ToString());

        /// <summary>Writes an integer in decimal and ends the line.</summary>
        public static void WriteLine(ulong value) => WriteLine(value.ToString());

        /// <summary>Writes "True" or "False" and ends the line.</summary>
        public static void WriteLine(bool value) => WriteLine(value.ToString());

        /// <summary>Writes the object's text and ends the line.</summary>
        public static void WriteLine(object value) => WriteLine(value?.ToString());
    }
}
