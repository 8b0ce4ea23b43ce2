/* SPDX-License-Identifier: MIT */
/*
 * bootstrap entry: QEMU starts here at EL2 with the MMU and caches off.
 * Masks interrupts, installs a vector table that reports unexpected
 * exceptions, zeroes .bss, sets up the stack and calls bootstrap_main().
 * Also holds the final jump into the kernel.
 */
	.section .text.start, "ax"
	.global _start
_start:
	msr	daifset, #0xf
	mrs	x0, CurrentEL
	cmp	x0, #(2 << 2)
	b.ne	1f
	adrp	x0, bootstrap_vectors
	add	x0, x0, :lo12:bootstrap_vectors
	msr	vbar_el2, x0
	isb
1:	adrp	x0, __bss_start
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
2:	cmp	x0, x1
	b.hs	3f
	stp	xzr, xzr, [x0], #16
	b	2b
3:	adrp	x0, bootstrap_stack_top
	add	x0, x0, :lo12:bootstrap_stack_top
	mov	sp, x0
	bl	bootstrap_main
4:	wfe
	b	4b

/* void bootstrap_enter_kernel(uint64_t entry_pa, uint64_t bootinfo_pa) */
	.text
	.global bootstrap_enter_kernel
bootstrap_enter_kernel:
	msr	daifset, #0xf
	mov	x16, x0
	mov	x0, x1
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	dsb	sy
	isb
	br	x16

/* Unexpected exceptions: bootstrap_trap(vector index, ESR, ELR, FAR). */
	.macro	vec idx
	.balign	0x80
	mov	x0, #\idx
	b	trap_common
	.endm

	.balign	2048
bootstrap_vectors:
	.irp	i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	vec	\i
	.endr

trap_common:
	mrs	x1, esr_el2
	mrs	x2, elr_el2
	mrs	x3, far_el2
	bl	bootstrap_trap
5:	wfe
	b	5b

	.bss
	.balign	16
	.space	16384
bootstrap_stack_top:
