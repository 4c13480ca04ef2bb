; Stores of object references that compiled code and CoreLib make through helpers. The MyOS
; collector is a non-moving, non-generational mark-and-sweep, so it needs no card table:
; every barrier is the plain store (or exchange) it stands for. They are leaf routines that
; touch no register beyond their contract, because ILC may assume so (RhpByRefAssignRef).

bits 64
default rel

global RhpAssignRef
global RhpCheckedAssignRef
global RhpByRefAssignRef
global RhpCheckedLockCmpXchg
global RhpCheckedXchg
global RhBulkMoveWithWriteBarrier
global RhpGcSafeZeroMemory
extern memmove
extern memset

section .text

; void RhpAssignRef(object* destination (rdi), object value (rsi))
RhpAssignRef:
; void RhpCheckedAssignRef(object* destination (rdi), object value (rsi)): same, for a
; destination that may not be on the heap.
RhpCheckedAssignRef:
    mov [rdi], rsi
    ret

; Copies the reference at [rsi] to [rdi] and advances both by 8 (a movsq with a barrier).
RhpByRefAssignRef:
    mov rcx, [rsi]
    mov [rdi], rcx
    add rdi, 8
    add rsi, 8
    ret

; object RhpCheckedLockCmpXchg(object* destination (rdi), object value (rsi), object comparand (rdx)):
; returns the value found.
RhpCheckedLockCmpXchg:
    mov rax, rdx
    lock cmpxchg [rdi], rsi
    ret

; object RhpCheckedXchg(object* destination (rdi), object value (rsi)): returns the old value.
RhpCheckedXchg:
    mov rax, rsi
    xchg [rdi], rax
    ret

; void RhBulkMoveWithWriteBarrier(ref byte destination, ref byte source, nuint bytes)
RhBulkMoveWithWriteBarrier:
    jmp memmove

; ref byte RhpGcSafeZeroMemory(ref byte destination (rdi), nuint bytes (rsi)): returns destination.
RhpGcSafeZeroMemory:
    mov rdx, rsi
    xor esi, esi
    jmp memset
