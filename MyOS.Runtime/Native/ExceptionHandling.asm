; The assembly half of exception handling: where a throw starts and where funclets are called.
; CoreLib's own dispatcher (System.Runtime.EH: RhThrowEx, RhRethrow, RhThrowHwEx, DispatchEx)
; does the work in C#; these stubs capture the thrower's registers for it, and call the catch,
; finally and filter funclets ILC compiled with the registers of the frame they belong to.
;
; Layouts are CoreLib 10.0.12's (its AsmOffsets class, linux-x64): PAL_LIMITED_CONTEXT (0x50
; bytes), ExInfo (0x190 bytes). REGDISPLAY (0x88 bytes) is the runtime's own apart from SP at
; 0x78, which CoreLib reads; MyOS keeps register VALUES in the slots where NativeAOT keeps
; pointers (MyOS.Runtime/Exceptions/RegisterSet.cs). The stack frame walker
; (StackFrameWalker.cs) knows each stub's frame by the return address of its call.

bits 64
default rel

global RhpThrowEx
global RhpRethrow
global RhpThrowHwEx
global RhpCallCatchFunclet
global RhpCallFinallyFunclet
global RhpCallFilterFunclet
global exception_capture_context
global exception_stub_addresses
global exception_info_head
extern RhThrowEx
extern RhRethrow
extern RhThrowHwEx
extern __eh_frame_hdr_start

; PAL_LIMITED_CONTEXT
CTX_IP  equ 0x00
CTX_RSP equ 0x08
CTX_RBP equ 0x10
CTX_RAX equ 0x18
CTX_RBX equ 0x20
CTX_RDX equ 0x28
CTX_R12 equ 0x30
CTX_R13 equ 0x38
CTX_R14 equ 0x40
CTX_R15 equ 0x48
CTX_SIZE equ 0x50

; ExInfo
EXINFO_PREV     equ 0x00
EXINFO_CONTEXT  equ 0x08
EXINFO_OBJECT   equ 0x10
EXINFO_KIND     equ 0x18
EXINFO_PASS     equ 0x19
EXINFO_CLAUSE   equ 0x1C
EXINFO_DEBUGSP  equ 0x188
EXINFO_SIZE     equ 0x190

; REGDISPLAY (register values)
RD_RBX equ 0x18
RD_RBP equ 0x20
RD_R12 equ 0x58
RD_R13 equ 0x60
RD_R14 equ 0x68
RD_R15 equ 0x70
RD_SP  equ 0x78

; A throw stub's frame: the ExInfo at rsp, the thrower's context right above it.
THROW_FRAME     equ EXINFO_SIZE + CTX_SIZE          ; 0x1E0, a multiple of 16
THROW_CONTEXT   equ EXINFO_SIZE

; ExKind
KIND_NONE       equ 0
KIND_THROW      equ 1
KIND_HARDWARE   equ 2

section .text

; Fills the context at rsp + THROW_CONTEXT from the callee-saved registers, with rcx = the
; thrower's IP and rax = its RSP, and links a fresh ExInfo at rsp (kind in dl) into the chain.
; Expanded inline (a macro) so that rsp is the stub's own.
%macro BUILD_THROW_FRAME 0
    mov [rsp + THROW_CONTEXT + CTX_IP], rcx
    mov [rsp + THROW_CONTEXT + CTX_RSP], rax
    mov [rsp + THROW_CONTEXT + CTX_RBP], rbp
    mov qword [rsp + THROW_CONTEXT + CTX_RAX], 0
    mov [rsp + THROW_CONTEXT + CTX_RBX], rbx
    mov qword [rsp + THROW_CONTEXT + CTX_RDX], 0
    mov [rsp + THROW_CONTEXT + CTX_R12], r12
    mov [rsp + THROW_CONTEXT + CTX_R13], r13
    mov [rsp + THROW_CONTEXT + CTX_R14], r14
    mov [rsp + THROW_CONTEXT + CTX_R15], r15
    mov qword [rsp + EXINFO_OBJECT], 0
    mov [rsp + EXINFO_KIND], dl
    mov byte [rsp + EXINFO_PASS], 1
    mov dword [rsp + EXINFO_CLAUSE], 0xFFFFFFFF
    mov qword [rsp + EXINFO_DEBUGSP], 0
    lea rax, [rsp + THROW_CONTEXT]
    mov [rsp + EXINFO_CONTEXT], rax
    mov rax, [exception_info_head]
    mov [rsp + EXINFO_PREV], rax
    mov [exception_info_head], rsp
%endmacro

; void RhpThrowEx(Exception exception (rdi)): compiled code's `throw`.
RhpThrowEx:
    mov rcx, [rsp]                          ; the thrower's IP: the return address
    lea rax, [rsp + 8]                      ; the thrower's RSP once the call has returned
    sub rsp, THROW_FRAME + 8                ; 16-byte aligned for the call below
    mov dl, KIND_THROW
    BUILD_THROW_FRAME
    mov rsi, rsp                            ; rdi is still the exception
    call RhThrowEx
throw_return:
    int3                                    ; the dispatcher never returns

; void RhpRethrow(): `throw;` inside a catch; the exception is the newest ExInfo's.
RhpRethrow:
    mov rcx, [rsp]
    lea rax, [rsp + 8]
    sub rsp, THROW_FRAME + 8
    mov dl, KIND_NONE                       ; RhRethrow copies the kind of the active ExInfo
    mov rdi, [exception_info_head]          ; the exception the catch is handling
    BUILD_THROW_FRAME
    mov rsi, rsp
    call RhRethrow
rethrow_return:
    int3

; A CPU fault in managed code, made into a throw: the interrupt handler returned here (iretq)
; with every register as it was at the fault, edi = the NativeAOT exception code and rsi = the
; faulting instruction's address. No return address was pushed, and RSP may be unaligned.
RhpThrowHwEx:
    mov rcx, rsi
    mov rax, rsp
    and rsp, -16
    sub rsp, THROW_FRAME
    mov dl, KIND_HARDWARE
    BUILD_THROW_FRAME
    mov rsi, rsp                            ; edi is still the exception code
    call RhThrowHwEx
hardware_throw_return:
    int3

; The funclet callers share one frame: six callee-saved registers of the dispatcher, then
; three local slots; the walker unwinds it from that shape (FUNCLET_FRAME_*).
%macro FUNCLET_PROLOGUE 0
    push r15
    push r14
    push r13
    push r12
    push rbx
    push rbp
    sub rsp, 24
%endmacro

%macro FUNCLET_EPILOGUE 0
    add rsp, 24
    pop rbp
    pop rbx
    pop r12
    pop r13
    pop r14
    pop r15
%endmacro

; Loads the frame's callee-saved registers from the REGDISPLAY at %1.
%macro LOAD_FRAME_REGISTERS 1
    mov rbx, [%1 + RD_RBX]
    mov rbp, [%1 + RD_RBP]
    mov r12, [%1 + RD_R12]
    mov r13, [%1 + RD_R13]
    mov r14, [%1 + RD_R14]
    mov r15, [%1 + RD_R15]
%endmacro

; void* RhpCallCatchFunclet(Exception exception (rdi), byte* handler (rsi),
;                           REGDISPLAY* frame (rdx), ExInfo* exInfo (rcx))
; Runs the catch funclet with the frame's registers, then never returns: the funclet gives
; the address to resume at (rax); the stack is cut back to the frame's SP, the ExInfos of the
; dispatches now dead (below that SP) leave the chain, and execution goes on there.
RhpCallCatchFunclet:
    FUNCLET_PROLOGUE
    mov [rsp], rdx
    LOAD_FRAME_REGISTERS rdx
    call rsi                                ; rdi: the exception object
catch_return:
    mov rdx, [rsp]
    LOAD_FRAME_REGISTERS rdx
    mov rcx, [rdx + RD_SP]                  ; where the frame's stack pointer was
    mov rdx, [exception_info_head]
.pop:
    test rdx, rdx
    jz .popped
    cmp rdx, rcx
    jae .popped
    mov rdx, [rdx + EXINFO_PREV]
    jmp .pop
.popped:
    mov [exception_info_head], rdx
    mov rsp, rcx
    jmp rax

; void RhpCallFinallyFunclet(byte* handler (rdi), REGDISPLAY* frame (rsi))
RhpCallFinallyFunclet:
    FUNCLET_PROLOGUE
    LOAD_FRAME_REGISTERS rsi
    call rdi
finally_return:
    FUNCLET_EPILOGUE
    ret

; bool RhpCallFilterFunclet(Exception exception (rdi), byte* filter (rsi), REGDISPLAY* frame (rdx))
; The filter reaches the frame's locals through RBP; it returns nonzero to catch.
RhpCallFilterFunclet:
    FUNCLET_PROLOGUE
    LOAD_FRAME_REGISTERS rdx
    call rsi
filter_return:
    FUNCLET_EPILOGUE
    ret

; void exception_capture_context(PAL_LIMITED_CONTEXT* context (rdi)): the caller's registers
; as they are at the call: IP is the return address, RSP the caller's after the return.
exception_capture_context:
    mov rax, [rsp]
    mov [rdi + CTX_IP], rax
    lea rax, [rsp + 8]
    mov [rdi + CTX_RSP], rax
    mov [rdi + CTX_RBP], rbp
    mov qword [rdi + CTX_RAX], 0
    mov [rdi + CTX_RBX], rbx
    mov qword [rdi + CTX_RDX], 0
    mov [rdi + CTX_R12], r12
    mov [rdi + CTX_R13], r13
    mov [rdi + CTX_R14], r14
    mov [rdi + CTX_R15], r15
    ret

; void* exception_stub_addresses(int which): the return addresses the walker recognises,
; the hardware-throw entry and the unwind index (ExceptionStubs.cs names them).
exception_stub_addresses:
    lea rax, [stub_table]
    mov rax, [rax + rdi * 8]
    ret

section .rodata
align 8
stub_table:
    dq throw_return                         ; 0
    dq rethrow_return                       ; 1
    dq hardware_throw_return                ; 2
    dq catch_return                         ; 3
    dq finally_return                       ; 4
    dq filter_return                        ; 5
    dq RhpThrowHwEx                         ; 6: where a fault made into a throw resumes
    dq __eh_frame_hdr_start                 ; 7: the linker's sorted index of .eh_frame
    dq exception_info_head                  ; 8: the chain of dispatches in progress

section .data
align 8
; The newest ExInfo (one per dispatch in progress, on the stack), each linking to the one
; before: MyOS has one thread, so one chain.
exception_info_head: dq 0
