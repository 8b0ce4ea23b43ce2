/* SPDX-License-Identifier: MIT */
/*
 * Exception vectors of EL2.  Entries from EL0 save the whole user register
 * state as a struct trap_frame at the top of the thread's kernel stack and
 * call into C; ret_to_user undoes that.  The kernel itself runs with
 * interrupts masked except in the idle loop, so an exception taken from EL2
 * is either an interrupt that woke the idle loop or a kernel bug.
 */
#include <arch/regs.h>

.macro	save_user
	sub	sp, sp, #TF_SIZE
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	stp	x18, x19, [sp, #16 * 9]
	stp	x20, x21, [sp, #16 * 10]
	stp	x22, x23, [sp, #16 * 11]
	stp	x24, x25, [sp, #16 * 12]
	stp	x26, x27, [sp, #16 * 13]
	stp	x28, x29, [sp, #16 * 14]
	mrs	x21, sp_el0
	stp	x30, x21, [sp, #16 * 15]
	mrs	x22, elr_el2
	mrs	x23, spsr_el2
	stp	x22, x23, [sp, #TF_PC]
.endm

/* Caller-saved registers only: the C handler preserves the rest. */
.macro	save_kernel
	sub	sp, sp, #(8 * 20)
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	stp	x18, x30, [sp, #16 * 9]
.endm

.macro	restore_kernel
	ldp	x0, x1, [sp, #16 * 0]
	ldp	x2, x3, [sp, #16 * 1]
	ldp	x4, x5, [sp, #16 * 2]
	ldp	x6, x7, [sp, #16 * 3]
	ldp	x8, x9, [sp, #16 * 4]
	ldp	x10, x11, [sp, #16 * 5]
	ldp	x12, x13, [sp, #16 * 6]
	ldp	x14, x15, [sp, #16 * 7]
	ldp	x16, x17, [sp, #16 * 8]
	ldp	x18, x30, [sp, #16 * 9]
	add	sp, sp, #(8 * 20)
.endm

.macro	vent target
	.balign	0x80
	b	\target
.endm

	.text
	.balign	2048
	.global	vectors
vectors:
	vent	bad_exception		/* EL2t sync */
	vent	bad_exception		/* EL2t irq */
	vent	bad_exception		/* EL2t fiq */
	vent	bad_exception		/* EL2t serror */
	vent	kernel_sync		/* EL2h sync */
	vent	kernel_irq		/* EL2h irq */
	vent	bad_exception		/* EL2h fiq */
	vent	bad_exception		/* EL2h serror */
	vent	user_sync		/* EL0 AArch64 sync */
	vent	user_irq		/* EL0 AArch64 irq */
	vent	bad_exception		/* EL0 AArch64 fiq */
	vent	bad_exception		/* EL0 AArch64 serror */
	vent	bad_exception		/* EL0 AArch32 */
	vent	bad_exception
	vent	bad_exception
	vent	bad_exception

user_sync:
	save_user
	mov	x0, sp
	bl	trap_user_sync
	b	ret_to_user

user_irq:
	save_user
	bl	trap_irq
	bl	trap_preempt
	b	ret_to_user

kernel_irq:
	save_kernel
	bl	trap_irq
	restore_kernel
	eret

kernel_sync:
	save_kernel
	mov	x0, sp
	bl	trap_kernel_sync
	b	.

bad_exception:
	save_kernel
	mov	x0, sp
	bl	trap_bad_exception
	b	.

	.global	ret_to_user
ret_to_user:
	ldp	x22, x23, [sp, #TF_PC]
	msr	elr_el2, x22
	msr	spsr_el2, x23
	ldp	x30, x21, [sp, #16 * 15]
	msr	sp_el0, x21
	ldp	x0, x1, [sp, #16 * 0]
	ldp	x2, x3, [sp, #16 * 1]
	ldp	x4, x5, [sp, #16 * 2]
	ldp	x6, x7, [sp, #16 * 3]
	ldp	x8, x9, [sp, #16 * 4]
	ldp	x10, x11, [sp, #16 * 5]
	ldp	x12, x13, [sp, #16 * 6]
	ldp	x14, x15, [sp, #16 * 7]
	ldp	x16, x17, [sp, #16 * 8]
	ldp	x18, x19, [sp, #16 * 9]
	ldp	x20, x21, [sp, #16 * 10]
	ldp	x22, x23, [sp, #16 * 11]
	ldp	x24, x25, [sp, #16 * 12]
	ldp	x26, x27, [sp, #16 * 13]
	ldp	x28, x29, [sp, #16 * 14]
	add	sp, sp, #TF_SIZE
	eret
