using System.Runtime;
using System.Runtime.InteropServices;

namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// The EH clauses of the method of the iterator's current frame, for CoreLib's dispatcher
    /// (RhpEHEnumInitFromStackFrameIterator, RhpEHEnumNext). ILC's table: a count, then per
    /// clause the try start offset, (try length &lt;&lt; 2 | kind), the handler offset, and for a
    /// typed clause a 32-bit relative pointer to the caught type, for a filter the filter's
    /// offset; numbers are NativeAOT's variable-length unsigned integers, offsets count from the
    /// method start, innermost clauses come first.
    /// </summary>
    internal static unsafe class ClauseEnumerator
    {
        private const uint KindTyped = 0;
        private const uint KindFault = 1;
        private const uint KindFilter = 2;

        /// <summary>The enumerator's state (CoreLib's EHEnum, 0x20 bytes).</summary>
        [StructLayout(LayoutKind.Sequential)]
        private struct State
        {
            public ulong MethodStart;
            public byte* Cursor;
            public uint Index;
            public uint Count;
        }

        /// <summary>CoreLib's MethodRegionInfo: one hot region, no cold code.</summary>
        [StructLayout(LayoutKind.Sequential)]
        private struct MethodRegion
        {
            public ulong HotStart;
            public ulong HotSize;
            public ulong ColdStart;
            public ulong ColdSize;
        }

        /// <summary>CoreLib's RhEHClause.</summary>
        [StructLayout(LayoutKind.Sequential)]
        private struct Clause
        {
            public uint Kind;
            public uint TryStart;
            public uint TryEnd;
            public byte* Filter;
            public byte* Handler;
            public void* CaughtType;
        }

        [RuntimeExport("RhpEHEnumInitFromStackFrameIterator")]
        private static bool Init(FrameIterator* iterator, MethodRegion* region, State* state)
        {
            *region = default;
            ManagedMethod method = iterator->Method;
            if (method.Lsda == null)
                return false;
            byte* table = method.ClauseTable();
            if (table == null)
                return false;
            region->HotStart = method.MethodStart;
            region->HotSize = method.CodeEnd - method.MethodStart;
            state->MethodStart = method.MethodStart;
            state->Cursor = table;
            state->Count = ReadUnsigned(ref state->Cursor);
            state->Index = 0;
            return true;
        }

        [RuntimeExport("RhpEHEnumNext")]
        private static bool Next(State* state, Clause* clause)
        {
            if (state->Index >= state->Count)
                return false;
            state->Index++;
            *clause = default;
            clause->TryStart = ReadUnsigned(ref state->Cursor);
            uint lengthAndKind = ReadUnsigned(ref state->Cursor);
            clause->Kind = lengthAndKind & 3;
            clause->TryEnd = clause->TryStart + (lengthAndKind >> 2);
            byte* start = (byte*)state->MethodStart;
            clause->Handler = start + ReadUnsigned(ref state->Cursor);
            if (clause->Kind == KindTyped)
            {
                int relative = *(int*)state->Cursor;
                clause->CaughtType = state->Cursor + relative;
                state->Cursor += 4;
            }
            else if (clause->Kind == KindFilter)
            {
                clause->Filter = start + ReadUnsigned(ref state->Cursor);
            }
            else if (clause->Kind != KindFault)
            {
                return false;
            }
            return true;
        }

        /// <summary>NativeAOT's variable-length unsigned integer: the low bits of the first byte say how many bytes follow.</summary>
        private static uint ReadUnsigned(ref byte* p)
        {
            uint first = *p;
            if ((first & 1) == 0)
            {
                p += 1;
                return first >> 1;
            }
            if ((first & 2) == 0)
            {
                uint value = (first >> 2) | ((uint)p[1] << 6);
                p += 2;
                return value;
            }
            if ((first & 4) == 0)
            {
                uint value = (first >> 3) | ((uint)p[1] << 5) | ((uint)p[2] << 13);
                p += 3;
                return value;
            }
            if ((first & 8) == 0)
            {
                uint value = (first >> 4) | ((uint)p[1] << 4) | ((uint)p[2] << 12) | ((uint)p[3] << 20);
                p += 4;
                return value;
            }
            uint full = *(uint*)(p + 1);
            p += 5;
            return full;
        }
    }
}
