using System;
using System.Runtime;
using MyOS.Core.Arch.X64.Interrupts;
using MyOS.Core.Console;
using MyOS.Core.Diagnostics;
using MyOS.Runtime.Startup;

namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// Stack traces. An exception's trace is CoreLib's own: the dispatcher appends each frame's
    /// address, and CoreLib names them with ILC's stack-trace metadata, given each address's
    /// method start (RhFindMethodStartAddress, from the unwind tables; a funclet answers its
    /// method's). The current thread's trace (Environment.StackTrace, new StackTrace()) walks
    /// from the caller (RhpGetCurrentThreadStackTrace). A CPU panic's trace walks from the
    /// faulting registers and is named the same way, through a fresh exception object.
    /// </summary>
    internal static unsafe class StackTraces
    {
        /// <summary>CoreLib's ClassLibFunctionId.AppendExceptionStackFrame.</summary>
        private const int AppendStackFrameFunction = 3;
        /// <summary>Flag of AppendExceptionStackFrame: the first frame (starts a new trace).</summary>
        private const int FirstFrameFlag = 1;
        private const int MaxPanicFrames = 64;

        internal static void Install() => Panic.SetStackTraceWriter(&WriteFaultTrace);

        [RuntimeExport("RhFindMethodStartAddress")]
        private static void* MethodStartAddress(void* code)
        {
            // The exact address: a faulting frame's may be its method's first byte, and ILC pads a
            // call that never returns with int3, so a return address stays inside its method.
            if (!ManagedMethod.TryFind((ulong)code, out ManagedMethod method, out _))
                return null;
            return (void*)method.MethodStart;
        }

        /// <summary>Return addresses of the current stack, from the caller of CoreLib's helper; -(needed) if the buffer is too small.</summary>
        [RuntimeExport("RhpGetCurrentThreadStackTrace")]
        private static int CurrentStackTrace(ulong* buffer, uint length, void* addressInCurrentFrame)
        {
            ThrowContext context;
            ExceptionStubs.CaptureContext(&context);
            int count = StackFrameWalker.CollectReturnAddresses(&context, false, buffer, (int)length);
            if (count < (int)length)
                return count;
            const int probe = 512;
            ulong* all = stackalloc ulong[probe];
            int total = StackFrameWalker.CollectReturnAddresses(&context, false, all, probe);
            return total > (int)length ? -total : count;
        }

        /// <summary>The C# methods a CPU fault interrupted, innermost first, one "   at" line each.</summary>
        private static void WriteFaultTrace(InterruptFrame* frame)
        {
            ThrowContext context = default;
            context.Ip = frame->Rip;
            context.Rsp = frame->Rsp;
            context.Rbp = frame->Rbp;
            context.Rbx = frame->Rbx;
            context.R12 = frame->R12;
            context.R13 = frame->R13;
            context.R14 = frame->R14;
            context.R15 = frame->R15;
            ulong* addresses = stackalloc ulong[MaxPanicFrames];
            int count = StackFrameWalker.CollectReturnAddresses(&context, true, addresses, MaxPanicFrames);
            if (count == 0)
            {
                KernelConsole.WriteLine("   (no managed frames: the fault is outside code ILC compiled)");
                return;
            }
            var append = (delegate*<object, IntPtr, int, void>)TypeManager.ClasslibFunction(AppendStackFrameFunction);
            Exception carrier = new Exception();
            for (int i = 0; i < count; i++)
                append(carrier, (IntPtr)(long)addresses[i], i == 0 ? FirstFrameFlag : 0);
            KernelConsole.WriteLine(carrier.StackTrace);
        }
    }
}
