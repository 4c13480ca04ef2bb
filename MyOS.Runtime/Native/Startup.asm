; Start-up of the managed world on .NET's CoreLib, called once by the boot stub before Main:
; the runtime takes its bootstrap heap (MyOSRuntimeInitialize, C#), then CoreLib registers the
; modules ILC compiled (their ReadyToRun headers sit between __modules_start and __modules_end),
; allocates their statics and runs the eager class constructors (InitializeModules, CoreLib's
; own code). The table below is what the NativeAOT bootstrapper gives InitializeModules: the
; CoreLib functions the runtime calls back by index (ClassLibFunctionId).

bits 64
default rel

global runtime_start
extern MyOSRuntimeInitialize
extern InitializeModules
extern MyOSRuntimeStaticsReady
extern __modules_start
extern __modules_end
extern GetRuntimeException
extern __security_cookie
extern RuntimeFailFast
extern AppendExceptionStackFrame
extern GetSystemArrayEEType
extern OnFirstChanceException
extern OnUnhandledException

section .text

; void runtime_start(byte* bootstrapHeap (rdi), nuint bootstrapHeapSize (rsi), void* kernelBase (rdx))
runtime_start:
    push rbx                                        ; also aligns the stack to 16 bytes for the calls
    mov rbx, rdx
    push rdi
    push rsi
    call set_thread_block
    pop rsi
    pop rdi
    call MyOSRuntimeInitialize
    mov rdi, rbx                                    ; osModule: the kernel image
    lea rsi, [__modules_start]
    lea rdx, [__modules_end]
    sub rdx, rsi
    shr rdx, 3                                      ; count of module header pointers
    lea rcx, [classlib_functions]
    mov r8d, CLASSLIB_FUNCTION_COUNT
    call InitializeModules
    call MyOSRuntimeStaticsReady
    pop rbx
    ret

; The thread's control block, which the FS base points at, as the x86-64 System V ABI lays
; it out: its first word points to itself, and the word at 0x28 holds the stack-protector
; canary that C code (musl's libm) reads as fs:0x28. MyOS has one thread, so one block.
set_thread_block:
    lea rax, [thread_block]
    mov [rax], rax
    mov rcx, [__security_cookie]
    mov [rax + 0x28], rcx
    mov rdx, rax
    shr rdx, 32
    mov ecx, 0xC0000100                             ; IA32_FS_BASE
    wrmsr
    ret

section .bss
align 64
thread_block:   resb 256

section .rodata
align 8
classlib_functions:
    dq GetRuntimeException                          ; 0
    dq RuntimeFailFast                              ; 1
    dq 0                                            ; 2: unused
    dq AppendExceptionStackFrame                    ; 3
    dq 0                                            ; 4: unused
    dq GetSystemArrayEEType                         ; 5
    dq OnFirstChanceException                       ; 6
    dq OnUnhandledException                         ; 7
    dq 0                                            ; 8: IDynamicInterfaceCastable (not compiled in)
    dq 0                                            ; 9: IDynamicInterfaceCastable (not compiled in)
    dq 0, 0, 0, 0                                   ; 10-13: Objective-C interop (not on this platform)
CLASSLIB_FUNCTION_COUNT equ ($ - classlib_functions) / 8
