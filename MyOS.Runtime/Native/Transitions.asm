; Transitions between managed code and native code, and the data compiled code reads.
; MyOS runs one thread, and the collector scans the stack conservatively, so a thread never
; has to publish where it stopped: the P/Invoke and reverse P/Invoke frames need no bookkeeping,
; and no thread is ever asked to stop at a poll.

bits 64
default rel

global RhpPInvoke
global RhpPInvokeReturn
global RhpReversePInvoke
global RhpReversePInvokeReturn
global RhpGcPoll
global RhpTrapThreads
global __security_cookie

section .text

; void RhpPInvoke(PInvokeTransitionFrame*) / RhpPInvokeReturn(PInvokeTransitionFrame*):
; around a call from managed code to native code.
RhpPInvoke:
RhpPInvokeReturn:
; void RhpReversePInvoke(ReversePInvokeFrame*) / RhpReversePInvokeReturn(...): around a call
; from native code (the boot stub, interrupt stubs) into an [UnmanagedCallersOnly] method.
RhpReversePInvoke:
RhpReversePInvokeReturn:
; void RhpGcPoll(): compiled loops call it when RhpTrapThreads is set, which it never is.
RhpGcPoll:
    ret

section .data
align 8
RhpTrapThreads:     dd 0, 0                 ; never set: no thread is ever suspended
__security_cookie:  dq 0x2B992DDFA23249D6   ; stack-protector canary value
