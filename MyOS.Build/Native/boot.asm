; MyOS boot stub: from GRUB's 32-bit protected mode to managed code in 64-bit long mode.
;
; GRUB (multiboot2) jumps to _start in 32-bit protected mode, paging off, EAX = magic,
; EBX = physical address of the boot information. The stub:
;   1. builds boot page tables: the first 1 GiB identity-mapped (only while switching),
;      the first 4 GiB at the higher-half direct map (HHDM, 0xFFFF800000000000), and the
;      first 1 GiB again at the kernel's link address 0xFFFFFFFF80000000;
;   2. enables PAE, long mode, paging, and SSE (ILC emits SSE instructions);
;   3. jumps to the higher half, drops the identity map (so a null pointer faults) and sets
;      a 16-byte aligned stack;
;   4. calls runtime_start (MyOS.Runtime/Native/Startup.asm: bootstrap heap, thread block,
;      CoreLib's module initialisation), then __managed__Main.
; Everything here runs before any managed code, so it must not depend on any.

bits 32

MULTIBOOT2_MAGIC        equ 0xE85250D6
MULTIBOOT2_BOOT_MAGIC   equ 0x36D76289
KERNEL_VIRTUAL_BASE     equ 0xFFFFFFFF80000000
HHDM_BASE               equ 0xFFFF800000000000
PAGE_PRESENT_WRITABLE   equ 0x003
PAGE_LARGE              equ 0x080
STACK_SIZE              equ 256 * 1024
; Objects made before the kernel heap is up (statics, boot information, console, memory map):
; about 31 KB measured (QEMU, 12 MiB to 5 GiB); 1 MiB leaves room for a larger runtime. Running
; out is a panic naming this constant (BootstrapAllocator.ExhaustedMessage).
BOOTSTRAP_HEAP_SIZE     equ 1024 * 1024

extern runtime_start
extern __managed__Main

global _start
global boot_multiboot_info
global boot_stack_bottom
global boot_stack_top
global boot_page_tables_start
global boot_page_tables_end

; ---------------------------------------------------------------------------------------
section .multiboot2 align=8
multiboot2_header:
    dd MULTIBOOT2_MAGIC
    dd 0                                            ; architecture: i386 protected mode
    dd multiboot2_header_end - multiboot2_header
    dd -(MULTIBOOT2_MAGIC + 0 + (multiboot2_header_end - multiboot2_header))
    ; framebuffer tag, optional (flags bit 0): where the firmware has no text mode (UEFI), ask
    ; for a 1024x768 32-bit linear framebuffer; grub.cfg keeps text mode under BIOS.
    dw 5, 1
    dd 20
    dd 1024, 768, 32
    align 8
    ; end tag
    dw 0, 0
    dd 8
multiboot2_header_end:

; ---------------------------------------------------------------------------------------
; Runs at its physical address (the linker places .boot at VMA = LMA, above 1 MiB).
section .boot.text
_start:
    cli
    mov esp, boot_early_stack_top
    cmp eax, MULTIBOOT2_BOOT_MAGIC
    jne .not_multiboot2
    mov [boot_multiboot_info], ebx

    call check_long_mode
    call build_page_tables

    mov eax, boot_pml4                              ; CR3 = top-level table
    mov cr3, eax
    mov eax, cr4                                    ; CR4.PAE
    or eax, 1 << 5
    mov cr4, eax
    mov ecx, 0xC0000080                             ; EFER.LME (long mode enable)
    rdmsr
    or eax, 1 << 8
    wrmsr
    mov eax, cr0                                    ; CR0.PG | CR0.WP
    or eax, (1 << 31) | (1 << 16)
    mov cr0, eax

    lgdt [boot_gdt_pointer_low]
    jmp 0x08:long_mode_low

.not_multiboot2:
    mov esi, message_not_multiboot2
    jmp early_fail

; Fails unless the CPU has CPUID's extended leaf 0x80000001 with the LM bit.
check_long_mode:
    mov eax, 0x80000000
    cpuid
    cmp eax, 0x80000001
    jb .no_long_mode
    mov eax, 0x80000001
    cpuid
    test edx, 1 << 29
    jz .no_long_mode
    ret
.no_long_mode:
    mov esi, message_no_long_mode
    jmp early_fail

; PML4[0]   -> identity PDPT: [0] -> PD 0 (first 1 GiB, 2 MiB pages)
; PML4[256] -> HHDM PDPT: [0..3] -> PD 0..3 (first 4 GiB)
; PML4[511] -> kernel PDPT: [510] -> PD 0 (first 1 GiB at 0xFFFFFFFF80000000)
build_page_tables:
    ; PD 0..3: 2048 entries of 2 MiB pages covering 0..4 GiB
    mov edi, boot_page_directories
    xor ecx, ecx
.fill_directory:
    mov eax, ecx
    shl eax, 21                                     ; low 32 bits of the physical address
    or eax, PAGE_PRESENT_WRITABLE | PAGE_LARGE
    mov [edi + ecx * 8], eax
    mov eax, ecx
    shr eax, 11                                     ; high bits: index * 2 MiB >> 32
    mov [edi + ecx * 8 + 4], eax
    inc ecx
    cmp ecx, 2048
    jb .fill_directory

    mov eax, boot_page_directories + PAGE_PRESENT_WRITABLE
    mov [boot_pdpt_identity], eax
    mov [boot_pdpt_kernel + 510 * 8], eax
    mov [boot_pdpt_hhdm], eax
    add eax, 4096
    mov [boot_pdpt_hhdm + 8], eax
    add eax, 4096
    mov [boot_pdpt_hhdm + 16], eax
    add eax, 4096
    mov [boot_pdpt_hhdm + 24], eax

    mov eax, boot_pdpt_identity + PAGE_PRESENT_WRITABLE
    mov [boot_pml4], eax
    mov eax, boot_pdpt_hhdm + PAGE_PRESENT_WRITABLE
    mov [boot_pml4 + 256 * 8], eax
    mov eax, boot_pdpt_kernel + PAGE_PRESENT_WRITABLE
    mov [boot_pml4 + 511 * 8], eax
    ret

; Writes the NUL-terminated text at ESI to the VGA screen and COM1, then halts.
early_fail:
    mov edi, 0xB8000
.next_char:
    lodsb
    test al, al
    jz .halt
    mov ah, 0x4F
    mov [edi], ax
    add edi, 2
    mov dx, 0x3F8
    out dx, al
    jmp .next_char
.halt:
    hlt
    jmp .halt

bits 64
long_mode_low:
    mov rax, long_mode_high                         ; leave the identity map
    jmp rax

section .boot.rodata
message_not_multiboot2: db "MyOS: not started by a multiboot2 boot loader", 0
message_no_long_mode:   db "MyOS: this CPU has no 64-bit long mode", 0

align 8
boot_gdt:
    dq 0                                            ; null descriptor
    dq 0x00AF9A000000FFFF                           ; 0x08: 64-bit code, ring 0
    dq 0x00CF92000000FFFF                           ; 0x10: data, ring 0
boot_gdt_end:
boot_gdt_pointer_low:
    dw boot_gdt_end - boot_gdt - 1
    dd boot_gdt

section .boot.bss nobits align=4096
boot_page_tables_start:
boot_pml4:              resb 4096
boot_pdpt_identity:     resb 4096
boot_pdpt_hhdm:         resb 4096
boot_pdpt_kernel:       resb 4096
boot_page_directories:  resb 4 * 4096
boot_page_tables_end:
boot_early_stack:       resb 4096
boot_early_stack_top:

section .boot.data
align 8
boot_multiboot_info:    dq 0                        ; physical address of the multiboot2 information

; ---------------------------------------------------------------------------------------
; From here on the code runs at its higher-half link address.
section .text
long_mode_high:
    mov ax, 0x10
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor ax, ax
    mov fs, ax
    mov gs, ax

    ; Reload the GDT through its higher-half alias, then drop the identity map.
    mov rax, KERNEL_VIRTUAL_BASE + boot_gdt
    mov [rel boot_gdt_pointer_high + 2], rax
    lgdt [rel boot_gdt_pointer_high]
    mov rax, KERNEL_VIRTUAL_BASE + boot_pml4
    mov qword [rax], 0
    mov rax, cr3
    mov cr3, rax

    mov rsp, boot_stack_top                         ; 16-byte aligned

    ; SSE: CR0.EM = 0, CR0.MP = 1; CR4.OSFXSR | CR4.OSXMMEXCPT.
    mov rax, cr0
    and ax, 0xFFFB
    or ax, 0x2
    mov cr0, rax
    mov rax, cr4
    or ax, (3 << 9)
    mov cr4, rax

    mov rdi, bootstrap_heap                         ; MyOS.Runtime/Native/Startup.asm: CoreLib's start-up
    mov rsi, BOOTSTRAP_HEAP_SIZE
    mov rdx, KERNEL_VIRTUAL_BASE
    call runtime_start

    xor edi, edi
    xor esi, esi
    call __managed__Main

.halt:                                              ; Main returned: nothing left to run
    cli
    hlt
    jmp .halt

section .data
align 8
boot_gdt_pointer_high:
    dw boot_gdt_end - boot_gdt - 1
    dq 0

section .bss nobits align=16
boot_stack_bottom:      resb STACK_SIZE
boot_stack_top:
global bootstrap_heap
bootstrap_heap:         resb BOOTSTRAP_HEAP_SIZE
