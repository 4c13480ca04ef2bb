; Native pieces of the hand-made runtime (CoreLibrary=myos) that compiled code calls by symbol
; and that cannot be written in C#: RhpByRefAssignRef, whose register contract is movsq-like.
; (memset and memmove are in memory.asm, shared with CoreLibrary=dotnet.)

bits 64
default rel

global RhpByRefAssignRef
global RhpTrapThreads
global __security_cookie

section .text

; Copies the reference at [rsi] to [rdi] and advances both by 8. No GC barrier is needed:
; MyOS's heap has no generations.
RhpByRefAssignRef:
    mov rcx, [rsi]
    mov [rdi], rcx
    add rdi, 8
    add rsi, 8
    ret

section .data
align 8
RhpTrapThreads:     dd 0, 0                 ; compiled code polls it; no thread is ever suspended
__security_cookie:  dq 0x2B992DDFA23249D6   ; stack-protector canary value
