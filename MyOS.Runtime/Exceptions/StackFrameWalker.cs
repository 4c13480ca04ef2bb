using System.Runtime;

namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// The stack walk CoreLib's dispatcher drives (RhpSfiInit, RhpSfiNext): from the context a
    /// throw stub captured, frame by frame through managed code with the DWARF unwind tables.
    /// Frames of the stubs are known by the return addresses of their calls: a throw stub's
    /// frame holds the thrower's context; a filter caller is unwound by its fixed shape; a catch
    /// or finally caller means the funclet ran for an earlier dispatch, whose ExInfo holds the
    /// iterator positioned at the funclet's parent frame: the walk continues from there (a
    /// "collided unwind"), telling the dispatcher which clause was running so it skips the
    /// clauses already handled. A walk ends at code ILC did not compile (the boot stub, an
    /// interrupt stub) or above an [UnmanagedCallersOnly] method.
    /// </summary>
    internal static unsafe class StackFrameWalker
    {
        private const uint NoClause = 0xFFFFFFFF;
        // ExInfo (CoreLib 10.0.12): previous ExInfo, the clause being run, the frame iterator.
        private const int ExInfoPrevious = 0x00;
        private const int ExInfoClause = 0x1C;
        private const int ExInfoFrameIterator = 0x20;
        // A throw stub's frame: ExInfo at its stack pointer, the thrower's context above it.
        private const int ThrowFrameContext = 0x190;
        // A funclet caller's frame: 3 local slots, then rbp, rbx, r12, r13, r14, r15, the return address.
        private const int FuncletFrameSaved = 24;

        /// <summary>Nonzero while the runtime walks the stack: a fault then is the runtime's own and panics.</summary>
        internal static int s_activeWalks;

        [RuntimeExport("RhpSfiInit")]
        private static bool Init(FrameIterator* iterator, ThrowContext* context, bool instructionFault, bool* intercepted)
        {
            if (intercepted != null)
                *intercepted = false;
            s_activeWalks++;
            *iterator = default;
            iterator->Registers.LoadFrom(context);
            bool valid = Settle(iterator, instructionFault, null);
            s_activeWalks--;
            return valid;
        }

        [RuntimeExport("RhpSfiNext")]
        private static bool Next(FrameIterator* iterator, uint* collidedClause, bool* unwoundReversePInvoke, bool* intercepted)
        {
            if (collidedClause != null)
                *collidedClause = NoClause;
            if (unwoundReversePInvoke != null)
                *unwoundReversePInvoke = false;
            if (intercepted != null)
                *intercepted = false;
            s_activeWalks++;
            bool valid = Step(iterator, collidedClause, unwoundReversePInvoke);
            s_activeWalks--;
            return valid;
        }

        /// <summary>Walks from a context through every managed frame, for stack traces: each frame's return address (or faulting IP).</summary>
        internal static int CollectReturnAddresses(ThrowContext* context, bool instructionFault, ulong* addresses, int capacity)
        {
            FrameIterator iterator = default;
            iterator.Registers.LoadFrom(context);
            s_activeWalks++;
            int count = 0;
            bool valid = Settle(&iterator, instructionFault, null);
            while (valid && count < capacity)
            {
                addresses[count++] = iterator.OriginalControlPC;
                valid = Step(&iterator, null, null);
            }
            s_activeWalks--;
            return count;
        }

        /// <summary>Unwinds the current frame and settles on the next managed one.</summary>
        private static bool Step(FrameIterator* iterator, uint* collidedClause, bool* unwoundReversePInvoke)
        {
            if (iterator->Method.Lsda == null)
                return false;
            if (iterator->Method.IsReversePInvoke)
            {
                // Native code called this method: the frames above are not managed.
                if (unwoundReversePInvoke != null)
                    *unwoundReversePInvoke = true;
                return false;
            }
            if (!UnwindTable.TryFind(iterator->ControlPC, out FrameDescription description))
                return false;
            if (!CallFrameUnwinder.Unwind(description, iterator->ControlPC, ref iterator->Registers))
                return false;
            return Settle(iterator, false, collidedClause);
        }

        /// <summary>
        /// Makes the frame at the register set's IP the current one, passing through the stubs'
        /// frames; false when the IP is not managed code.
        /// </summary>
        private static bool Settle(FrameIterator* iterator, bool faulting, uint* collidedClause)
        {
            for (int hops = 0; hops < 64; hops++)
            {
                ulong ip = iterator->Registers.Ip;
                ulong sp = iterator->Registers.Sp;
                if (ip == Stub(ExceptionStubs.ThrowReturn) || ip == Stub(ExceptionStubs.RethrowReturn)
                    || ip == Stub(ExceptionStubs.HardwareThrowReturn))
                {
                    ThrowContext* thrower = (ThrowContext*)(sp + ThrowFrameContext);
                    iterator->Registers.LoadFrom(thrower);
                    faulting = false;
                    continue;
                }
                if (ip == Stub(ExceptionStubs.CatchReturn) || ip == Stub(ExceptionStubs.FinallyReturn))
                {
                    byte* exInfo = DispatchThatCalledFunclet(sp);
                    if (exInfo != null)
                    {
                        *iterator = *(FrameIterator*)(exInfo + ExInfoFrameIterator);
                        if (collidedClause != null)
                            *collidedClause = *(uint*)(exInfo + ExInfoClause);
                        return iterator->Method.Lsda != null;
                    }
                    UnwindFuncletCaller(iterator);
                    continue;
                }
                if (ip == Stub(ExceptionStubs.FilterReturn))
                {
                    UnwindFuncletCaller(iterator);
                    continue;
                }

                ulong controlPC = faulting ? ip : ip - 1;
                if (!ManagedMethod.TryFind(controlPC, out ManagedMethod method, out _))
                    return false;
                iterator->Method = method;
                iterator->ControlPC = controlPC;
                iterator->OriginalControlPC = ip;
                iterator->IsFaultingFrame = faulting ? 1UL : 0UL;
                iterator->FramePointer = method.HasClauses || method.IsFunclet ? iterator->Registers.Rbp : 0;
                return true;
            }
            return false;
        }

        /// <summary>The ExInfo of the dispatch that called a funclet from a frame at <paramref name="sp"/>: the newest one older than it.</summary>
        private static byte* DispatchThatCalledFunclet(ulong sp)
        {
            byte* exInfo = ExceptionInfoChain.Newest;
            while (exInfo != null && (ulong)exInfo < sp)
                exInfo = *(byte**)(exInfo + ExInfoPrevious);
            return exInfo;
        }

        /// <summary>Unwinds a funclet-calling stub by its fixed frame shape.</summary>
        private static void UnwindFuncletCaller(FrameIterator* iterator)
        {
            ulong* saved = (ulong*)(iterator->Registers.Sp + FuncletFrameSaved);
            iterator->Registers.Rbp = saved[0];
            iterator->Registers.Rbx = saved[1];
            iterator->Registers.R12 = saved[2];
            iterator->Registers.R13 = saved[3];
            iterator->Registers.R14 = saved[4];
            iterator->Registers.R15 = saved[5];
            iterator->Registers.Ip = saved[6];
            iterator->Registers.Sp = (ulong)(saved + 7);
        }

        private static ulong Stub(int which) => (ulong)ExceptionStubs.Address(which);
    }
}
