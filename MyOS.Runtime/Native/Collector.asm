; The garbage collector's entry: the stack must hold every register that may carry the only
; reference to an object, because the collector scans the stack conservatively. The caller-saved
; registers are dead across this call by the ABI (the compiler has saved whatever it still
; needs), so only the callee-saved ones are pushed, then MyOSCollectorRun gets the stack
; pointer below them.

bits 64
default rel

global collector_collect
extern MyOSCollectorRun

section .text

collector_collect:
    push rbx
    push rbp
    push r12
    push r13
    push r14
    push r15
    sub rsp, 8                                      ; 16-byte alignment for the call
    lea rdi, [rsp + 8]                              ; the lowest pushed register
    call MyOSCollectorRun
    add rsp, 8
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbp
    pop rbx
    ret
