using MyOS.Core.Hardware;

namespace MyOS.Core.Console
{
    /// <summary>
    /// A screen of character cells, each a character and a VGA colour attribute (background in
    /// the high nibble, foreground in the low), with a cursor. Two back ends: VGA text mode
    /// (<see cref="VgaTextScreen"/>) and a linear framebuffer drawn with a bitmap font
    /// (<see cref="FramebufferTextScreen"/>). Invariant: 0 &lt;= Column &lt; Width, 0 &lt;= Row &lt; Height.
    /// </summary>
    public interface ITextScreen
    {
        /// <summary>Columns on the screen.</summary>
        int Width { get; }
        /// <summary>Rows on the screen.</summary>
        int Height { get; }
        /// <summary>Column of the next character.</summary>
        int Column { get; }
        /// <summary>Row of the next character.</summary>
        int Row { get; }

        /// <summary>Sets the colours of text written from now on.</summary>
        void SetColors(VgaColor foreground, VgaColor background);

        /// <summary>Blanks the screen and homes the cursor.</summary>
        void Clear();

        /// <summary>Writes a character: '\n' starts a new line, '\r' returns to column 0, '\b' steps back; the last row scrolls.</summary>
        void Write(char c);

        /// <summary>Puts a character at a cell without moving the cursor; cells off the screen are ignored.</summary>
        void PutAt(int column, int row, char c, byte attribute);

        /// <summary>Moves the cursor to a cell; cells off the screen are ignored.</summary>
        void MoveTo(int column, int row);
    }
}
