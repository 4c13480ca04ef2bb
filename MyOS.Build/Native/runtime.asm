; Native pieces of the managed runtime that compiled code calls by symbol and that cannot be
; written in C#: memory block helpers (the JIT emits calls to memset/memmove for large
; initialisations and copies) and RhpByRefAssignRef, whose register contract is movsq-like.

bits 64
default rel

global memset
global memmove
global memcpy
global RhpByRefAssignRef
global RhpTrapThreads
global __security_cookie

section .text

; void* memset(void* destination (rdi), int value (esi), size_t count (rdx))
memset:
    mov r8, rdi
    mov eax, esi
    mov rcx, rdx
    cld
    rep stosb
    mov rax, r8
    ret

; void* memcpy(void* destination (rdi), const void* source (rsi), size_t count (rdx))
memcpy:
; void* memmove(...): same, but copies backwards when the ranges overlap that way.
memmove:
    mov rax, rdi
    mov rcx, rdx
    cmp rdi, rsi
    jbe .forward
    lea r8, [rsi + rdx]
    cmp rdi, r8
    jae .forward
    lea rsi, [rsi + rdx - 1]
    lea rdi, [rdi + rdx - 1]
    std
    rep movsb
    cld
    ret
.forward:
    cld
    rep movsb
    ret

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
