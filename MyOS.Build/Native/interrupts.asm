; Interrupt entry stubs for vectors 0-47 (CPU exceptions 0-31, legacy PIC IRQs 32-47).
; Each stub makes the stack look the same (an error code is pushed by the CPU only for
; vectors 8, 10-14, 17, 21, 29 and 30; the others push a zero), pushes its vector, and jumps
; to a common path that saves every general register and the SSE state, aligns the stack to
; 16 bytes, and calls the managed dispatcher with a pointer to the saved frame.
; The frame layout is MyOS.Core.Arch.X64.Interrupts.InterruptFrame; keep the two in step.

bits 64
default rel

global interrupt_stub_address
global interrupt_set_dispatcher

section .text

%macro STUB_NO_ERROR 1
interrupt_stub_%1:
    push 0
    push %1
    jmp interrupt_common
%endmacro

%macro STUB_WITH_ERROR 1
interrupt_stub_%1:
    push %1
    jmp interrupt_common
%endmacro

%assign vector 0
%rep 48
  %if vector = 8 || (vector >= 10 && vector <= 14) || vector = 17 || vector = 21 || vector = 29 || vector = 30
    STUB_WITH_ERROR vector
  %else
    STUB_NO_ERROR vector
  %endif
  %assign vector vector + 1
%endrep

interrupt_common:
    push rax
    push rbx
    push rcx
    push rdx
    push rsi
    push rdi
    push rbp
    push r8
    push r9
    push r10
    push r11
    push r12
    push r13
    push r14
    push r15
    mov rdi, rsp                            ; rdi = InterruptFrame*
    mov rbx, rsp                            ; rbx is callee-saved: remember the frame
    sub rsp, 512
    and rsp, -16                            ; FXSAVE needs 16-byte alignment, and so does the call
    fxsave [rsp]
    mov rax, [interrupt_dispatcher]
    test rax, rax
    jz .no_dispatcher
    call rax
.no_dispatcher:
    fxrstor [rsp]
    mov rsp, rbx
    pop r15
    pop r14
    pop r13
    pop r12
    pop r11
    pop r10
    pop r9
    pop r8
    pop rbp
    pop rdi
    pop rsi
    pop rdx
    pop rcx
    pop rbx
    pop rax
    add rsp, 16                             ; vector and error code
    iretq

; void* interrupt_stub_address(int vector): entry address of a stub, 0 if out of range.
interrupt_stub_address:
    xor eax, eax
    cmp edi, 48
    jae .out
    lea rax, [interrupt_stub_table]
    mov rax, [rax + rdi * 8]
.out:
    ret

; void interrupt_set_dispatcher(void (*dispatcher)(InterruptFrame*))
interrupt_set_dispatcher:
    mov [interrupt_dispatcher], rdi
    ret

section .data
align 8
interrupt_dispatcher: dq 0
interrupt_stub_table:
%assign vector 0
%rep 48
    dq interrupt_stub_%+vector
  %assign vector vector + 1
%endrep
