// MSBuild task (compiled by RoslynCodeTaskFactory, see ConsoleFont.targets): turns a PSF console
// font (version 1 or 2, gzipped or not) into a C# class holding 256 glyphs, glyph i for the
// Latin-1 character i, found through the font's Unicode table. Characters the font lacks get
// its '?' glyph, and control characters a blank one.
using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class PsfFontToCSharp : Task
{
    /// <summary>The .psf or .psf.gz file.</summary>
    [Required] public string FontFile { get; set; }
    /// <summary>The C# file to write.</summary>
    [Required] public string OutputFile { get; set; }

    private const int Glyphs = 256;

    public override bool Execute()
    {
        byte[] data;
        try
        {
            using (Stream file = File.OpenRead(FontFile))
            using (Stream input = FontFile.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file)
            using (var memory = new MemoryStream())
            {
                input.CopyTo(memory);
                data = memory.ToArray();
            }
        }
        catch (Exception e)
        {
            Log.LogError("MyOS build: cannot read the console font {0}: {1}", FontFile, e.Message);
            return false;
        }

        int count, width, height, bytesPerGlyph, glyphStart, tableStart;
        bool psf2;
        if (data.Length >= 4 && data[0] == 0x36 && data[1] == 0x04)
        {
            psf2 = false;
            count = (data[2] & 1) != 0 ? 512 : 256;
            height = data[3];
            width = 8;
            bytesPerGlyph = height;
            glyphStart = 4;
            tableStart = (data[2] & 2) != 0 ? glyphStart + count * bytesPerGlyph : -1;
        }
        else if (data.Length >= 32 && BitConverter.ToUInt32(data, 0) == 0x864AB572)
        {
            psf2 = true;
            glyphStart = (int)BitConverter.ToUInt32(data, 8);
            bool hasTable = (BitConverter.ToUInt32(data, 12) & 1) != 0;
            count = (int)BitConverter.ToUInt32(data, 16);
            bytesPerGlyph = (int)BitConverter.ToUInt32(data, 20);
            height = (int)BitConverter.ToUInt32(data, 24);
            width = (int)BitConverter.ToUInt32(data, 28);
            tableStart = hasTable ? glyphStart + count * bytesPerGlyph : -1;
        }
        else
        {
            Log.LogError("MyOS build: {0} is not a PSF font", FontFile);
            return false;
        }
        if (width < 1 || width > 32 || height < 1 || height > 64 || bytesPerGlyph != (width + 7) / 8 * height
            || (long)glyphStart + (long)count * bytesPerGlyph > data.Length)
        {
            Log.LogError("MyOS build: the PSF font {0} has an impossible size", FontFile);
            return false;
        }

        // Unicode code point -> glyph index (without a table, glyph i is character i).
        var glyphOf = new Dictionary<int, int>();
        if (tableStart < 0)
            for (int i = 0; i < count; i++)
                glyphOf[i] = i;
        else
            ReadUnicodeTable(data, tableStart, count, psf2, glyphOf);
        if (!glyphOf.ContainsKey('?'))
        {
            Log.LogError("MyOS build: the PSF font {0} has no '?' glyph", FontFile);
            return false;
        }

        var output = new StringBuilder();
        output.AppendLine("// Generated at build time by MyOS.Build/Tasks/PsfFontToCSharp.cs from " + Path.GetFileName(FontFile) + ". Do not edit.");
        output.AppendLine("namespace MyOS.Core.Console");
        output.AppendLine("{");
        output.AppendLine("    /// <summary>Glyphs of the console font, glyph i for the Latin-1 character i.</summary>");
        output.AppendLine("    internal static class ConsoleFontData");
        output.AppendLine("    {");
        output.AppendLine("        public const string Name = \"" + FontName(FontFile) + "\";");
        output.AppendLine("        public const int Width = " + width + ";");
        output.AppendLine("        public const int Height = " + height + ";");
        output.AppendLine("        public const int GlyphCount = " + Glyphs + ";");
        output.AppendLine("        public static System.ReadOnlySpan<byte> Glyphs => new byte[]");
        output.AppendLine("        {");
        for (int c = 0; c < Glyphs; c++)
        {
            bool control = c < 0x20 || (c >= 0x7F && c < 0xA0);
            int glyph;
            if (!glyphOf.TryGetValue(c, out glyph))
                glyph = glyphOf['?'];
            output.Append("            ");
            for (int b = 0; b < bytesPerGlyph; b++)
                output.Append(control ? "0" : data[glyphStart + glyph * bytesPerGlyph + b].ToString()).Append(',');
            output.AppendLine(" // " + c);
        }
        output.AppendLine("        };");
        output.AppendLine("    }");
        output.AppendLine("}");

        string text = output.ToString();
        if (!File.Exists(OutputFile) || File.ReadAllText(OutputFile) != text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(OutputFile));
            File.WriteAllText(OutputFile, text);
        }
        return true;
    }

    // PSF1: per glyph, 16-bit code points up to 0xFFFF (0xFFFE starts sequences, skipped).
    // PSF2: per glyph, UTF-8 code points up to 0xFF (0xFE starts sequences, skipped).
    private static void ReadUnicodeTable(byte[] data, int position, int count, bool psf2, Dictionary<int, int> glyphOf)
    {
        for (int glyph = 0; glyph < count && position < data.Length; glyph++)
        {
            bool inSequence = false;
            while (position < data.Length)
            {
                int codePoint;
                if (!psf2)
                {
                    if (position + 1 >= data.Length)
                        return;
                    codePoint = data[position] | data[position + 1] << 8;
                    position += 2;
                    if (codePoint == 0xFFFF)
                        break;
                    if (codePoint == 0xFFFE)
                    {
                        inSequence = true;
                        continue;
                    }
                }
                else
                {
                    byte lead = data[position];
                    if (lead == 0xFF)
                    {
                        position++;
                        break;
                    }
                    if (lead == 0xFE)
                    {
                        position++;
                        inSequence = true;
                        continue;
                    }
                    int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
                    if (position + length > data.Length)
                        return;
                    codePoint = char.ConvertToUtf32(Encoding.UTF8.GetString(data, position, length), 0);
                    position += length;
                }
                if (!inSequence && !glyphOf.ContainsKey(codePoint))
                    glyphOf[codePoint] = glyph;
            }
        }
    }

    private static string FontName(string path)
    {
        string name = Path.GetFileName(path);
        foreach (string suffix in new[] { ".gz", ".psfu", ".psf" })
            if (name.EndsWith(suffix, StringComparison.Ordinal))
                name = name.Substring(0, name.Length - suffix.Length);
        return name;
    }
}
