; Memory block routines that compiled code, CoreLib and the runtime call by symbol: the JIT
; emits calls to memset and memmove for large initialisations and copies. Used by both core
; libraries.

bits 64
default rel

global memset
global memmove
global memcpy

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
