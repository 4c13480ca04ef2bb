namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// Steps one frame up the stack with DWARF call frame information: runs the CIE's and the
    /// FDE's instructions up to the frame's code address, which gives the canonical frame
    /// address (CFA: the caller's stack pointer) as a register plus an offset, and where on the
    /// stack each saved register and the return address lie. ILC's descriptions use only
    /// advance_loc, def_cfa, def_cfa_offset, def_cfa_register, offset and nop; the rest of the
    /// common set is read too, and an instruction outside it stops the walk (returns false)
    /// rather than guess. Registers a frame does not save keep their values.
    /// </summary>
    internal static unsafe class CallFrameUnwinder
    {
        private const int RegisterCount = 17;           // rax..r15 and the return address (16)

        /// <summary>The rule table at one code address.</summary>
        private struct Rules
        {
            public int CfaRegister;
            public long CfaOffset;
            public fixed long SavedAt[RegisterCount];   // CFA-relative offset of a saved register
            public fixed byte IsSaved[RegisterCount];
        }

        /// <summary>
        /// Replaces <paramref name="registers"/> (a frame stopped at <paramref name="codeAddress"/>)
        /// by its caller's: IP is the return address, SP the CFA.
        /// </summary>
        public static bool Unwind(in FrameDescription function, ulong codeAddress, ref RegisterSet registers)
        {
            Rules rules = default;
            Rules initial = default;
            if (!Run(function, function.CieInstructions, function.CieInstructionsEnd, ulong.MaxValue, ref rules, ref initial))
                return false;
            initial = rules;
            if (!Run(function, function.Instructions, function.InstructionsEnd, codeAddress, ref rules, ref initial))
                return false;

            if (!registers.TryGet(rules.CfaRegister, out ulong baseValue))
                return false;
            ulong cfa = (ulong)((long)baseValue + rules.CfaOffset);
            int returnRegister = function.ReturnAddressRegister;
            if ((uint)returnRegister >= RegisterCount || rules.IsSaved[returnRegister] == 0)
                return false;

            RegisterSet caller = registers;
            for (int r = 0; r < RegisterCount; r++)
            {
                if (rules.IsSaved[r] != 0 && r != returnRegister)
                    caller.Set(r, *(ulong*)(cfa + (ulong)rules.SavedAt[r]));
            }

            caller.Ip = *(ulong*)(cfa + (ulong)rules.SavedAt[returnRegister]);
            caller.Sp = cfa;
            registers = caller;
            return true;
        }

        /// <summary>Runs instructions while their location is at or below <paramref name="target"/>.</summary>
        private static bool Run(in FrameDescription function, byte* p, byte* end, ulong target, ref Rules rules, ref Rules initial)
        {
            ulong location = function.Start;
            Rules remembered = default;
            while (p < end)
            {
                byte op = *p++;
                byte high = (byte)(op & 0xC0);
                int low = op & 0x3F;
                if (high == 0x40)                           // advance_loc
                {
                    location += (ulong)low * function.CodeAlignment;
                    if (location > target)
                        return true;
                    continue;
                }
                if (high == 0x80)                           // offset
                {
                    if (!Save(ref rules, low, (long)Leb128.ReadUnsigned(ref p) * function.DataAlignment))
                        return false;
                    continue;
                }
                if (high == 0xC0)                           // restore
                {
                    if (low >= RegisterCount)
                        return false;
                    rules.IsSaved[low] = initial.IsSaved[low];
                    rules.SavedAt[low] = initial.SavedAt[low];
                    continue;
                }
                ulong delta;
                switch (op)
                {
                    case 0x00:                              // nop
                        break;
                    case 0x02: delta = *p; p += 1; goto Advance;        // advance_loc1
                    case 0x03: delta = *(ushort*)p; p += 2; goto Advance; // advance_loc2
                    case 0x04: delta = *(uint*)p; p += 4; goto Advance;   // advance_loc4
                    case 0x05:                              // offset_extended
                        {
                            int register = (int)Leb128.ReadUnsigned(ref p);
                            if (!Save(ref rules, register, (long)Leb128.ReadUnsigned(ref p) * function.DataAlignment))
                                return false;
                            break;
                        }
                    case 0x07:                              // undefined
                    case 0x08:                              // same_value
                        {
                            int register = (int)Leb128.ReadUnsigned(ref p);
                            if (register < RegisterCount)
                                rules.IsSaved[register] = 0;
                            break;
                        }
                    case 0x0A: remembered = rules; break;   // remember_state (one level)
                    case 0x0B:                              // restore_state
                        {
                            int cfaRegister = rules.CfaRegister;
                            long cfaOffset = rules.CfaOffset;
                            rules = remembered;
                            rules.CfaRegister = cfaRegister;
                            rules.CfaOffset = cfaOffset;
                            break;
                        }
                    case 0x0C:                              // def_cfa
                        rules.CfaRegister = (int)Leb128.ReadUnsigned(ref p);
                        rules.CfaOffset = (long)Leb128.ReadUnsigned(ref p);
                        break;
                    case 0x0D:                              // def_cfa_register
                        rules.CfaRegister = (int)Leb128.ReadUnsigned(ref p);
                        break;
                    case 0x0E:                              // def_cfa_offset
                        rules.CfaOffset = (long)Leb128.ReadUnsigned(ref p);
                        break;
                    case 0x11:                              // offset_extended_sf
                        {
                            int register = (int)Leb128.ReadUnsigned(ref p);
                            if (!Save(ref rules, register, Leb128.ReadSigned(ref p) * function.DataAlignment))
                                return false;
                            break;
                        }
                    case 0x12:                              // def_cfa_sf
                        rules.CfaRegister = (int)Leb128.ReadUnsigned(ref p);
                        rules.CfaOffset = Leb128.ReadSigned(ref p) * function.DataAlignment;
                        break;
                    case 0x13:                              // def_cfa_offset_sf
                        rules.CfaOffset = Leb128.ReadSigned(ref p) * function.DataAlignment;
                        break;
                    default:
                        return false;                       // expressions, register rules: not in ILC's output
                }
                continue;
            Advance:
                location += delta * function.CodeAlignment;
                if (location > target)
                    return true;
            }
            return true;
        }

        private static bool Save(ref Rules rules, int register, long offset)
        {
            if ((uint)register >= RegisterCount)
                return false;
            rules.IsSaved[register] = 1;
            rules.SavedAt[register] = offset;
            return true;
        }
    }
}
