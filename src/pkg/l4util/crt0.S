// SPDX-License-Identifier: MIT
/*
 * _start: the entry point of every program linked with l4util.
 *
 * Start-up convention (docs/abi.md §12 for the boot tasks, moe for the rest):
 *  - sp == 0: a boot task (sigma0, the root task) started by the kernel with
 *    every register 0.  We switch to a static 64 KiB stack and call
 *    main(0, NULL).
 *  - sp != 0: the loader built a System V style initial stack:
 *    [sp] = argc, [sp + 8 ...] = argv[0..argc-1], NULL, envp..., NULL.
 *    This is what musl's _start expects too, so loaders need not change
 *    when l4re-libc replaces l4util.  (Registers cannot carry argc/argv:
 *    l4_thread_ex_regs only sets pc and sp.)
 * main's return value goes to exit(), which does not return.
 */
	.section .text._start, "ax"
	.global _start
	.type _start, %function
_start:
	mov	x29, #0			// end of the frame-pointer chain
	mov	x30, #0
	mov	x9, sp
	cbnz	x9, 1f
	adrp	x9, l4util_boot_stack_top
	add	x9, x9, :lo12:l4util_boot_stack_top
	mov	sp, x9
	mov	x0, #0
	mov	x1, #0
	b	2f
1:	ldr	x0, [sp]
	add	x1, sp, #8
2:	bl	main
	bl	exit
3:	b	3b
	.size _start, . - _start

	.section .bss.l4util_boot_stack, "aw", %nobits
	.balign 16
l4util_boot_stack:
	.space 65536
l4util_boot_stack_top:
