; Interface dispatch stubs (owned by MyOS.Runtime; assembly lives here because the build
; assembles MyOS.Build/Native/*.asm). Compiled code makes an interface call by loading its
; dispatch cell's address into r11 and calling [r11]: the cell's first word is the stub.
;
; Cell: { stub, cache }. Cache block (see Internal.Runtime.InterfaceDispatchCache):
;   +0 receiver MethodTable of the last call, +8 its target code.
; The arguments (rdi = this, rsi, rdx, rcx, r8, r9, xmm0-7, stack) must reach the target
; untouched, so the slow path saves them around the managed resolver.

bits 64
default rel

global RhpInitialDynamicInterfaceDispatch
global RhpCachedInterfaceDispatch
extern RhpResolveInterfaceDispatch

section .text

; First call through a cell, or a receiver type the cache does not hold.
RhpInitialDynamicInterfaceDispatch:
    push rbp
    mov rbp, rsp                    ; rsp is now 16-byte aligned
    sub rsp, 192                    ; 6 GPRs + r11 + pad (64) + 8 XMM (128)
    mov [rsp + 0], rdi
    mov [rsp + 8], rsi
    mov [rsp + 16], rdx
    mov [rsp + 24], rcx
    mov [rsp + 32], r8
    mov [rsp + 40], r9
    mov [rsp + 48], r11
    movdqa [rsp + 64], xmm0
    movdqa [rsp + 80], xmm1
    movdqa [rsp + 96], xmm2
    movdqa [rsp + 112], xmm3
    movdqa [rsp + 128], xmm4
    movdqa [rsp + 144], xmm5
    movdqa [rsp + 160], xmm6
    movdqa [rsp + 176], xmm7
    mov rsi, r11                    ; (object receiver = rdi, InterfaceDispatchCell* cell)
    call RhpResolveInterfaceDispatch
    mov r11, [rsp + 48]
    lea r10, [RhpCachedInterfaceDispatch]
    mov [r11], r10                  ; the cell now has a cache: use the fast stub from now on
    mov r11, rax
    mov rdi, [rsp + 0]
    mov rsi, [rsp + 8]
    mov rdx, [rsp + 16]
    mov rcx, [rsp + 24]
    mov r8, [rsp + 32]
    mov r9, [rsp + 40]
    movdqa xmm0, [rsp + 64]
    movdqa xmm1, [rsp + 80]
    movdqa xmm2, [rsp + 96]
    movdqa xmm3, [rsp + 112]
    movdqa xmm4, [rsp + 128]
    movdqa xmm5, [rsp + 144]
    movdqa xmm6, [rsp + 160]
    movdqa xmm7, [rsp + 176]
    leave
    jmp r11

; Cached call: same receiver type as last time means the same target.
RhpCachedInterfaceDispatch:
    test rdi, rdi
    jz RhpInitialDynamicInterfaceDispatch   ; null receiver: the resolver reports it
    mov r10, [r11 + 8]              ; cache block
    mov rax, [rdi]                  ; receiver's MethodTable
    cmp rax, [r10]
    jne RhpInitialDynamicInterfaceDispatch
    jmp [r10 + 8]
