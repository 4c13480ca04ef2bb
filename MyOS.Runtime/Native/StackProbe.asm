; RhpStackProbe: compiled code calls it before taking a stack frame larger than a page, so
; that every page of the frame is touched in order, from the top down (what a guard page
; needs). On entry r11 holds the lowest address of the new frame, which the caller then
; moves into rsp, so r11 must come back unchanged; rax is free to use.

bits 64
default rel

global RhpStackProbe

PAGE_SIZE equ 4096

section .text

RhpStackProbe:
    mov rax, rsp
    and rax, -PAGE_SIZE
.next_page:
    sub rax, PAGE_SIZE
    test [rax], eax                     ; touch the page
    cmp rax, r11
    ja .next_page                       ; the last page touched is the one holding r11
    ret
