/* SPDX-License-Identifier: MIT */
/*
 * Kernel entry from bootstrap: x0 = physical address of struct bootinfo,
 * MMU off, running at the load address.  Check that we are at EL2 with VHE,
 * switch the EL2&0 regime on (HCR_EL2.E2H/TGE), build the page tables in C
 * (still at PA: that code only uses PC-relative addressing), turn the MMU on
 * and continue in the upper half.
 */
#include <arch/sysreg.h>

	.section .text.head, "ax"
	.global _start
_start:
	msr	daifset, #0xf
	mov	x19, x0
	msr	spsel, #1
	adrp	x1, boot_stack_top
	add	x1, x1, :lo12:boot_stack_top
	mov	sp, x1

	mrs	x1, CurrentEL
	lsr	x1, x1, #2
	cmp	x1, #2
	b.eq	1f
	mov	x0, #1
	b	early_fail
1:	mrs	x1, id_aa64mmfr1_el1
	ubfx	x1, x1, #8, #4
	cbnz	x1, 2f
	mov	x0, #2
	b	early_fail

2:	ldr	x1, =(HCR_E2H | HCR_TGE | HCR_RW)
	msr	hcr_el2, x1
	isb

	adrp	x1, __bss_start
	add	x1, x1, :lo12:__bss_start
	adrp	x2, __bss_end
	add	x2, x2, :lo12:__bss_end
3:	cmp	x1, x2
	b.hs	4f
	stp	xzr, xzr, [x1], #16
	b	3b

4:	mov	x0, x19
	bl	early_mmu_init
	ldr	x1, =high
	br	x1

high:
	ldr	x1, =boot_stack_top
	mov	sp, x1
	ldr	x1, =vectors
	msr	vbar_el2, x1
	isb
	mov	x0, x19
	bl	kernel_main
5:	wfi
	b	5b

	.bss
	.balign	16
	.global boot_stack
boot_stack:
	.space	4096
	.global boot_stack_top
boot_stack_top:
