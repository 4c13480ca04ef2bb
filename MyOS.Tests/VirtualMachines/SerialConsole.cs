using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// The kernel's serial console seen from the host. A background thread appends everything the
    /// VM sends to a transcript (carriage returns and ANSI colour sequences dropped, so lines end
    /// with '\n' and read as plain text; <see cref="RawTranscript"/> keeps every byte); waits consume the
    /// transcript from a cursor, so each wait sees only what arrived after the previous match.
    /// Every wait has a time limit, and ends early with <see cref="SerialClosedException"/> when the
    /// connection closes.
    /// </summary>
    public sealed class SerialConsole : IDisposable
    {
        /// <summary>What the shell's prompt ends with (the shell contract, CommandShell).</summary>
        public const string PromptSuffix = "> ";

        // A candidate prompt counts only once the line has been quiet this long: output that merely
        // contains "> " (as in "a -> b") keeps coming, the real prompt waits for input.
        private static readonly TimeSpan s_promptSettleTime = TimeSpan.FromMilliseconds(40);

        // Failure messages keep the transcript's end when it is longer than this.
        private const int MaxTranscriptInMessage = 64 * 1024;

        private readonly Stream _stream;
        private readonly string _source;
        private readonly Func<string> _describeSource;
        private readonly Thread _reader;
        private readonly object _gate = new object();
        private readonly StringBuilder _transcript = new StringBuilder();
        private readonly StringBuilder _rawTranscript = new StringBuilder();
        private readonly StringBuilder _escape = new StringBuilder(); // an escape sequence still arriving
        private int _cursor;                 // transcript index where the next wait starts looking
        private bool _closed;                // the reader saw the end of the stream (or an error)
        private long _lastReceiveTimestamp;  // Stopwatch timestamp of the latest bytes; 0 = none yet

        /// <summary>
        /// Starts reading <paramref name="stream"/>. <paramref name="source"/> names the VM in messages;
        /// <paramref name="describeSource"/>, if given, says what became of it (running, exited, killed).
        /// </summary>
        public SerialConsole(Stream stream, string source, Func<string> describeSource = null)
        {
            _stream = stream;
            _source = source;
            _describeSource = describeSource;
            _reader = new Thread(ReadLoop) { IsBackground = true, Name = "serial reader: " + source };
            _reader.Start();
        }

        /// <summary>Everything received so far, carriage returns removed.</summary>
        public string Transcript { get { lock (_gate) return _transcript.ToString(); } }

        /// <summary>Everything received so far, byte for byte (colour sequences and carriage returns kept).</summary>
        public string RawTranscript { get { lock (_gate) return _rawTranscript.ToString(); } }

        /// <summary>True once the connection has ended; nothing more will arrive.</summary>
        public bool IsClosed { get { lock (_gate) return _closed; } }

        /// <summary>The <see cref="Stopwatch"/> timestamp at which the latest bytes arrived (0 before any).</summary>
        public long LastReceiveTimestamp { get { lock (_gate) return _lastReceiveTimestamp; } }

        /// <summary>Waits for <paramref name="text"/>; returns the new output up to and including it.</summary>
        public string WaitFor(string text, TimeSpan limit) =>
            Wait("\"" + text + "\"", limit, settle: false, pending =>
            {
                int at = pending.IndexOf(text, StringComparison.Ordinal);
                return at < 0 ? -1 : at + text.Length;
            });

        /// <summary>
        /// Waits until <paramref name="condition"/> holds for the new output (everything after the
        /// previous match); returns that output and consumes all of it.
        /// </summary>
        public string WaitFor(Func<string, bool> condition, string description, TimeSpan limit) =>
            Wait(description, limit, settle: false, pending => condition(pending) ? pending.Length : -1);

        /// <summary>Waits for a complete line that satisfies <paramref name="predicate"/>; returns that line.</summary>
        public string WaitForLine(Func<string, bool> predicate, string description, TimeSpan limit)
        {
            string matchedLine = null;
            Wait(description, limit, settle: false, pending =>
            {
                for (int start = 0, end; (end = pending.IndexOf('\n', start)) >= 0; start = end + 1)
                {
                    string line = pending.Substring(start, end - start);
                    if (predicate(line))
                    {
                        matchedLine = line;
                        return end + 1;
                    }
                }
                return -1;
            });
            return matchedLine;
        }

        /// <summary>
        /// Waits for the shell's prompt: new output whose last, unterminated line ends with "> " and
        /// after which the VM stays quiet. Returns the new output up to and including the prompt.
        /// </summary>
        public string WaitForPrompt(TimeSpan limit) =>
            Wait("the prompt (a line ending with \"> \", then quiet)", limit, settle: true,
                pending => pending.EndsWith(PromptSuffix, StringComparison.Ordinal) ? pending.Length : -1);

        /// <summary>Sends <paramref name="line"/> followed by a carriage return, as the Enter key does.</summary>
        public void SendLine(string line) => Send(line + "\r");

        /// <summary>Sends <paramref name="text"/> as it is, one byte per character (0-255: control keys and escape sequences too).</summary>
        public void Send(string text)
        {
            string line = text;
            byte[] bytes = Encoding.Latin1.GetBytes(text);
            try
            {
                _stream.Write(bytes, 0, bytes.Length);
                _stream.Flush();
            }
            catch (Exception e) when (e is IOException || e is ObjectDisposedException)
            {
                throw new SerialClosedException(Report($"Could not send \"{line}\": the serial connection is closed"), Transcript);
            }
        }

        /// <summary>
        /// Sends <paramref name="command"/> and waits for the next prompt; returns the output lines
        /// between them, without the shell's echo of the command and without the prompt.
        /// </summary>
        public IReadOnlyList<string> RunCommand(string command, TimeSpan limit)
        {
            SendLine(command);
            var lines = new List<string>(WaitForPrompt(limit).Split('\n'));
            lines.RemoveAt(lines.Count - 1); // the prompt line
            if (lines.Count > 0 && lines[0].Trim() == command.Trim())
                lines.RemoveAt(0);
            return lines;
        }

        /// <summary>Closes the connection and stops the reader.</summary>
        public void Dispose()
        {
            _stream.Dispose(); // ends the reader's blocking Read
            _reader.Join(TimeSpan.FromSeconds(5));
        }

        // The one waiting loop. match(pending) returns how many characters of the new output the
        // match consumes, or -1. With settle, a match stands only if nothing arrives for a moment.
        private string Wait(string expected, TimeSpan limit, bool settle, Func<string, int> match)
        {
            if (limit < TimeSpan.Zero)
                limit = TimeSpan.Zero;
            Stopwatch clock = Stopwatch.StartNew();
            bool closed;
            lock (_gate)
            {
                while (true)
                {
                    string pending = _transcript.ToString(_cursor, _transcript.Length - _cursor);
                    int end = match(pending);
                    if (end >= 0 && settle && !_closed)
                    {
                        int lengthSeen = _transcript.Length;
                        TimeSpan left = limit - clock.Elapsed;
                        // A prompt that arrived in time counts even if the limit ends while settling.
                        if (left > TimeSpan.Zero)
                            Monitor.Wait(_gate, left < s_promptSettleTime ? left : s_promptSettleTime);
                        if (_transcript.Length != lengthSeen)
                            continue;
                    }
                    if (end >= 0)
                    {
                        _cursor += end;
                        return pending.Substring(0, end);
                    }
                    TimeSpan remaining = limit - clock.Elapsed;
                    if (_closed || remaining <= TimeSpan.Zero)
                    {
                        closed = _closed;
                        break;
                    }
                    Monitor.Wait(_gate, remaining);
                }
            }

            // Built outside the lock: describing the VM may wait briefly for its exit status.
            string transcript = Transcript;
            if (closed)
            {
                throw new SerialClosedException(
                    Report($"The serial connection closed after {clock.Elapsed.TotalSeconds:0.0} s of waiting for {expected}"), transcript);
            }

            throw new SerialTimeoutException(
                Report($"Timed out after {limit.TotalSeconds:0.0} s waiting for {expected}"), expected, limit, transcript);
        }

        // "<what happened> from <VM>.", what became of the VM, then the transcript.
        private string Report(string what)
        {
            string state = _describeSource?.Invoke();
            string transcript = Transcript;
            string omitted = "";
            if (transcript.Length > MaxTranscriptInMessage)
            {
                omitted = $"(first {transcript.Length - MaxTranscriptInMessage} characters omitted)\n";
                transcript = transcript.Substring(transcript.Length - MaxTranscriptInMessage);
            }
            return $"{what} from {_source}.\n" + (string.IsNullOrEmpty(state) ? "" : state + "\n") +
                   $"--- serial transcript ({transcript.Length} characters) ---\n{omitted}{transcript}\n--- end of transcript ---";
        }

        // Appends one received character to the transcript, except carriage returns and SGR
        // sequences (ESC [ digits and ';' m), which colour the kernel's output. Other escape
        // sequences (GRUB's screen control, the line editor's cursor moves) stay.
        private void AppendToTranscript(char c)
        {
            if (c == '\r')
                return;
            if (_escape.Length == 0 && c != '\x1b')
            {
                _transcript.Append(c);
                return;
            }
            _escape.Append(c);
            bool stillSgr = _escape.Length == 1 || (_escape.Length == 2 && c == '[') || (_escape.Length > 2 && (char.IsAsciiDigit(c) || c == ';'));
            if (stillSgr)
                return;
            if (!(_escape.Length > 2 && c == 'm'))
                _transcript.Append(_escape);   // not a colour: keep it as it came
            _escape.Clear();
        }

        private void ReadLoop()
        {
            byte[] bytes = new byte[4096];
            Decoder decoder = Encoding.UTF8.GetDecoder();
            char[] chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
            try
            {
                int count;
                while ((count = _stream.Read(bytes, 0, bytes.Length)) > 0)
                {
                    int charCount = decoder.GetChars(bytes, 0, count, chars, 0);
                    lock (_gate)
                    {
                        _rawTranscript.Append(chars, 0, charCount);
                        for (int i = 0; i < charCount; i++)
                            AppendToTranscript(chars[i]);
                        _lastReceiveTimestamp = Stopwatch.GetTimestamp();
                        Monitor.PulseAll(_gate);
                    }
                }
            }
            catch (IOException) { }             // connection reset: the VM was killed
            catch (ObjectDisposedException) { } // Dispose closed the stream
            finally
            {
                lock (_gate)
                {
                    _closed = true;
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }
}
