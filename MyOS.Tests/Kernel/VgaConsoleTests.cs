using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using MyOS.Tests.VirtualMachines;
using Xunit;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The VGA text console as a user sees it, read from QEMU screendumps: a line of exactly 80
    /// characters takes one row, and a long line typed at the bottom of a full screen (so it
    /// wraps and scrolls) and then edited in both of its rows shows exactly what was typed.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    [Trait(TestTraits.KernelFeature, TestTraits.Shell)]
    public sealed class VgaConsoleTests : IClassFixture<TerminalFixture>
    {
        /// <summary>Every character the test types (and so every glyph it must learn).</summary>
        private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

        private readonly TerminalFixture _terminal;

        public VgaConsoleTests(TerminalFixture terminal)
        {
            _terminal = terminal;
            _terminal.FreshPrompt();
        }

        [Fact]
        public void WrappedLineEditedAfterScrolling_ShowsExactlyWhatWasTyped()
        {
            // Learn the glyphs from a screen whose text is known.
            _terminal.Type("clear\r");
            _terminal.Type("echo " + Alphabet + "\r");
            var glyphs = new Dictionary<string, char>();
            VgaScreenshot known = Screendump("known");
            known.Learn(0, ("> echo " + Alphabet).PadRight(VgaScreenshot.Columns), glyphs);
            known.Learn(1, Alphabet.PadRight(VgaScreenshot.Columns), glyphs);

            // Fill the screen so that what follows scrolls it.
            _terminal.Type("help\r");
            _terminal.Type("help\r");

            // A line of exactly 80 characters with the prompt, then its output right below.
            string exact = Pattern(VgaScreenshot.Columns - "> echo ".Length, 3);
            _terminal.Type("echo " + exact + "\r");

            // 120 characters typed at the bottom: the line wraps and the screen scrolls. Then it is
            // edited in its first row (after Home) and in its second (End, Backspace, Left, Delete).
            string typed = Pattern(120, 11);
            var keys = new StringBuilder("echo " + typed);
            keys.Append("\x1b[H\x1b[1;5C\x1b[C").Append("zz");          // Home, Ctrl-Right, Right: insert at the text's start
            keys.Append("\x1b[F").Append("\x7f\x7f\x7f");                // End, 3 x Backspace
            for (int i = 0; i < 10; i++)
                keys.Append("\x1b[D");                                   // 10 x Left
            keys.Append("\x1b[3~\x1b[3~").Append("q9");                  // 2 x Delete, insert "q9"
            string edited = "zz" + typed.Substring(0, typed.Length - 3);
            int at = edited.Length - 10;
            edited = edited.Substring(0, at) + "q9" + edited.Substring(at + 2);
            List<string> echoed = _terminal.Type(keys + "\r");
            Assert.Equal(edited, string.Concat(echoed));                 // serial agrees with the model

            string[] screen = Screendump("edited").ReadScreen(glyphs);
            var expected = new List<string> { "> echo " + exact, exact };
            expected.AddRange(Rows("> echo " + edited));
            expected.AddRange(Rows(edited));
            expected.Add(">");                                           // the new prompt (its blank and the cursor follow)
            string[] bottom = screen.Skip(VgaScreenshot.Rows - expected.Count).ToArray();
            bottom[^1] = bottom[^1].TrimEnd('?', ' ');                  // the cursor cell may be drawn
            Assert.True(expected.SequenceEqual(bottom),
                "the screen's last rows differ from what was typed.\nexpected:\n" + string.Join("\n", expected) +
                "\nscreen:\n" + string.Join("\n", screen));
        }

        /// <summary><paramref name="length"/> characters of <see cref="Alphabet"/>, stepping by <paramref name="step"/>.</summary>
        private static string Pattern(int length, int step)
        {
            var text = new StringBuilder(length);
            for (int i = 0; i < length; i++)
                text.Append(Alphabet[i * step % Alphabet.Length]);
            return text.ToString();
        }

        /// <summary><paramref name="text"/> cut into screen rows.</summary>
        private static IEnumerable<string> Rows(string text)
        {
            for (int i = 0; i < text.Length; i += VgaScreenshot.Columns)
                yield return text.Substring(i, Math.Min(VgaScreenshot.Columns, text.Length - i));
        }

        private VgaScreenshot Screendump(string name)
        {
            string path = Path.Combine(_terminal.Vm.WorkDirectory, name + ".ppm");
            _terminal.Monitor.Run("screendump " + path);
            for (int i = 0; i < 50 && !File.Exists(path); i++)
                Thread.Sleep(100);
            return VgaScreenshot.Load(path);
        }
    }
}
