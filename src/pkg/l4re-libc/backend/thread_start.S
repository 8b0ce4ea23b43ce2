// SPDX-License-Identifier: MIT
//
// l4re-libc backend: the first instructions of a thread made by
// __l4re_clone, and the stack switch thread_exit.c uses.
//
// __l4re_clone leaves four words at the new thread's stack pointer:
//   [sp] fn, [sp+8] arg, [sp+16] TLS pointer, [sp+24] backend record.
// The thread sets TPIDR_EL0 (musl finds its struct pthread there), calls
// fn(arg) and, should fn return, ends the thread (musl's start functions
// never return: they call pthread_exit).

	.text
	.global __l4libc_thread_start
	.type __l4libc_thread_start, %function
__l4libc_thread_start:
	ldp x9, x0, [sp]
	ldr x10, [sp, #16]
	add sp, sp, #32
	msr tpidr_el0, x10
	mov x29, #0
	mov x30, #0
	blr x9
	bl __l4libc_thread_exit
	brk #1
	.size __l4libc_thread_start, . - __l4libc_thread_start

// void __l4libc_call_on_stack(void *top, void (*fn)(void *), void *arg)
	.global __l4libc_call_on_stack
	.type __l4libc_call_on_stack, %function
__l4libc_call_on_stack:
	and x0, x0, #-16
	mov sp, x0
	mov x29, #0
	mov x0, x2
	blr x1
	brk #1
	.size __l4libc_call_on_stack, . - __l4libc_call_on_stack
