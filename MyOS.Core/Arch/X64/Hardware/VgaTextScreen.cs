using MyOS.Core.Console;
using MyOS.Core.Memory;

namespace MyOS.Core.Arch.X64.Hardware
{
    /// <summary>
    /// The 80x25 VGA text screen at physical 0xB8000, reached through the higher-half direct
    /// map: character cells of {byte character, byte colour} and a hardware cursor. The cursor
    /// model (wrapping, scrolling) is <see cref="TextScreen"/>'s; this back end stores the cells.
    /// </summary>
    public sealed unsafe class VgaTextScreen : TextScreen
    {
        private const int Columns = 80, Rows = 25;
        private const ulong BufferPhysicalAddress = 0xB8000;
        private const ushort CrtcIndex = 0x3D4, CrtcData = 0x3D5;

        /// <summary>The character cells.</summary>
        private readonly ushort* _cells;

        /// <summary>Takes over the screen and clears it.</summary>
        public VgaTextScreen() : base(Columns, Rows)
        {
            _cells = (ushort*)DirectMap.Kernel.ToPointer(new PhysicalAddress(BufferPhysicalAddress));
            Clear();
        }

        /// <inheritdoc/>
        protected override void StoreCell(int column, int row, char c, byte attribute) =>
            _cells[row * Columns + column] = (ushort)((c < 128 ? (byte)c : (byte)'?') | (attribute << 8));

        /// <inheritdoc/>
        protected override void ScrollUp(byte attribute)
        {
            for (int i = 0; i < Columns * (Rows - 1); i++)
                _cells[i] = _cells[i + Columns];
            ushort blank = (ushort)(' ' | (attribute << 8));
            for (int i = Columns * (Rows - 1); i < Columns * Rows; i++)
                _cells[i] = blank;
        }

        /// <inheritdoc/>
        protected override void FillCells(byte attribute)
        {
            ushort blank = (ushort)(' ' | (attribute << 8));
            for (int i = 0; i < Columns * Rows; i++)
                _cells[i] = blank;
        }

        /// <inheritdoc/>
        protected override void ShowCursor(int column, int row)
        {
            int position = row * Columns + column;
            Ports.Write8(CrtcIndex, 0x0F);
            Ports.Write8(CrtcData, (byte)position);
            Ports.Write8(CrtcIndex, 0x0E);
            Ports.Write8(CrtcData, (byte)(position >> 8));
        }
    }
}
