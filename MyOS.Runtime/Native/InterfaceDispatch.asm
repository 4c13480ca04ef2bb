; Interface dispatch stubs. Compiled code makes an interface call by loading its dispatch cell's
; address into r11 and calling [r11]: the cell's first word is the stub to run.
;   Cell: { stub, cache word }. Until first resolved, the cache word says which interface
;   (MyOS.Runtime/Dispatch/DispatchCell.cs decodes it); after that it points at a one-entry
;   cache block { receiver MethodTable, target code, ... } (DispatchCache.cs).
; The arguments (rdi = this, rsi, rdx, rcx, r8, r9, xmm0-7, stack) must reach the target
; untouched, so the slow path saves them around CoreLib's resolver.

bits 64
default rel

global RhpInitialDynamicInterfaceDispatch
global MyOSCachedInterfaceDispatch
extern RhpResolveInterfaceMethod

section .text

; First call through a cell, or a receiver type the cache does not hold.
RhpInitialDynamicInterfaceDispatch:
    mov rax, [rdi]                  ; a null receiver faults here, at the call site's own stub
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
    mov rsi, r11                    ; CoreLib: IntPtr RhpResolveInterfaceMethod(object receiver, IntPtr cell)
    call RhpResolveInterfaceMethod
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

; A resolved cell: the same receiver type as last time means the same target.
MyOSCachedInterfaceDispatch:
    mov rax, [rdi]                  ; receiver's MethodTable (a null receiver faults here)
    mov r10, [r11 + 8]              ; cache block
    cmp rax, [r10]
    jne RhpInitialDynamicInterfaceDispatch
    jmp [r10 + 8]

; void* interface_dispatch_cached_stub(): the address of MyOSCachedInterfaceDispatch, which
; MyOS.Runtime/Dispatch/DispatchCell.cs writes into a cell once it has a cache.
global interface_dispatch_cached_stub
interface_dispatch_cached_stub:
    lea rax, [MyOSCachedInterfaceDispatch]
    ret

; void* interface_dispatch_initial_stub(): the address of RhpInitialDynamicInterfaceDispatch,
; the stub of a cell made at run time.
global interface_dispatch_initial_stub
interface_dispatch_initial_stub:
    lea rax, [RhpInitialDynamicInterfaceDispatch]
    ret
