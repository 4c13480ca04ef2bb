; CPU instructions that C# cannot express: port I/O, control registers, interrupt flag,
; halting, time stamp counter. Managed code calls these through DllImport("*") in
; MyOS.Core/Arch/X64/Bridge/Import (System V calling convention: rdi, rsi, rdx, rcx; result in rax).

bits 64
default rel

section .text

global cpu_out8, cpu_out16, cpu_out32, cpu_in8, cpu_in16, cpu_in32
global cpu_read_cr0, cpu_read_cr2, cpu_read_cr3, cpu_write_cr3, cpu_read_cr4
global cpu_disable_interrupts, cpu_enable_interrupts, cpu_halt, cpu_wait_for_interrupt
global cpu_pause, cpu_read_timestamp, cpu_load_idt, cpu_invalidate_page, cpu_read_rflags
global cpu_read_rsp, cpu_read_rbp
global cpu_has_rdrand, cpu_rdrand
global boot_info_physical_address, boot_kernel_image_bounds, boot_stack_bounds, boot_page_table_bounds

extern boot_multiboot_info, boot_stack_bottom, boot_stack_top
extern boot_page_tables_start, boot_page_tables_end
extern __kernel_physical_start, __kernel_physical_end

cpu_out8:
    mov edx, edi
    mov eax, esi
    out dx, al
    ret
cpu_out16:
    mov edx, edi
    mov eax, esi
    out dx, ax
    ret
cpu_out32:
    mov edx, edi
    mov eax, esi
    out dx, eax
    ret
cpu_in8:
    mov edx, edi
    xor eax, eax
    in al, dx
    ret
cpu_in16:
    mov edx, edi
    xor eax, eax
    in ax, dx
    ret
cpu_in32:
    mov edx, edi
    in eax, dx
    ret

cpu_read_cr0:
    mov rax, cr0
    ret
cpu_read_cr2:
    mov rax, cr2
    ret
cpu_read_cr3:
    mov rax, cr3
    ret
cpu_write_cr3:
    mov cr3, rdi
    ret
cpu_read_cr4:
    mov rax, cr4
    ret
cpu_read_rflags:
    pushfq
    pop rax
    ret
cpu_read_rsp:
    lea rax, [rsp + 8]                      ; the caller's stack pointer
    ret
cpu_read_rbp:
    mov rax, rbp
    ret

cpu_disable_interrupts:
    cli
    ret
cpu_enable_interrupts:
    sti
    ret
; Stops the CPU for good: interrupts off, then halt forever.
cpu_halt:
    cli
.again:
    hlt
    jmp .again
; Sleeps until the next interrupt (enables interrupts atomically with the halt).
cpu_wait_for_interrupt:
    sti
    hlt
    ret

cpu_pause:
    pause
    ret

; int cpu_has_rdrand(): 1 when CPUID leaf 1 says the CPU has RDRAND (ECX bit 30).
cpu_has_rdrand:
    push rbx                        ; CPUID writes rbx, which the caller keeps
    mov eax, 1
    cpuid
    pop rbx
    mov eax, ecx
    shr eax, 30
    and eax, 1
    ret

; int cpu_rdrand(ulong* value): one RDRAND into *value; 1 when the CPU had a random number
; ready (carry set), 0 when it asks to try again.
cpu_rdrand:
    rdrand rax
    setc cl
    mov [rdi], rax
    movzx eax, cl
    ret

; ulong cpu_read_timestamp(): RDTSC as one 64-bit value.
cpu_read_timestamp:
    rdtsc
    shl rdx, 32
    or rax, rdx
    ret

; void cpu_load_idt(void* pointer): LIDT with a 10-byte { limit, base } descriptor.
cpu_load_idt:
    lidt [rdi]
    ret

cpu_invalidate_page:
    invlpg [rdi]
    ret

; ulong boot_info_physical_address(): what GRUB passed in EBX.
; The variable lives in the low boot section; read it through the kernel's higher-half alias
; of low memory, because the identity map is gone by now.
boot_info_physical_address:
    mov rax, 0xFFFFFFFF80000000 + boot_multiboot_info
    mov rax, [rax]
    ret

; void boot_kernel_image_bounds(ulong* start, ulong* end): physical extent of the kernel image.
boot_kernel_image_bounds:
    mov rax, __kernel_physical_start
    mov [rdi], rax
    mov rax, __kernel_physical_end
    mov [rsi], rax
    ret

; void boot_stack_bounds(ulong* bottom, ulong* top): virtual extent of the boot stack.
boot_stack_bounds:
    mov rax, boot_stack_bottom
    mov [rdi], rax
    mov rax, boot_stack_top
    mov [rsi], rax
    ret

; void boot_page_table_bounds(ulong* start, ulong* end): physical extent of the boot page tables.
boot_page_table_bounds:
    mov rax, boot_page_tables_start
    mov [rdi], rax
    mov rax, boot_page_tables_end
    mov [rsi], rax
    ret
