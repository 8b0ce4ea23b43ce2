// SPDX-License-Identifier: MIT
/*
 * First instructions of every ktest helper thread.  l4_thread_ex_regs can
 * only set pc and sp, so kt_thread_* leave the function and its argument
 * on the new stack: [sp] = fn, [sp + 8] = arg.  A function that returns
 * ends in kt_thread_exit (sleeps forever until the case deletes it).
 */
	.text
	.global kt_thread_entry
	.type kt_thread_entry, %function
kt_thread_entry:
	ldp	x1, x0, [sp], #16
	mov	x29, #0
	blr	x1
	bl	kt_thread_exit
1:	b	1b
	.size kt_thread_entry, . - kt_thread_entry
