// SPDX-License-Identifier: MIT
//
// l4re-libc: musl's cancellation-point system call, without `svc`.
// long __syscall_cp_asm(volatile int *cancel, long nr, u, v, w, x, y, z)
// checks the thread's cancel flag and otherwise tail-calls the backend's
// __l4re_syscall(nr, u, v, w, x, y, z).  The __cp_begin/__cp_end/__cp_cancel
// labels are the ones musl's pthread_cancel.c refers to; with no
// asynchronous signals on L4ReC only the flag check before the call matters.

.global __cp_begin
.hidden __cp_begin
.global __cp_end
.hidden __cp_end
.global __cp_cancel
.hidden __cp_cancel
.hidden __cancel
.global __syscall_cp_asm
.hidden __syscall_cp_asm
.type __syscall_cp_asm,%function
__syscall_cp_asm:
__cp_begin:
	ldr w8, [x0]
	cbnz w8, __cp_cancel
	// shift (nr, u..z) from x1..x7 down to x0..x6
	mov x0, x1
	mov x1, x2
	mov x2, x3
	mov x3, x4
	mov x4, x5
	mov x5, x6
	mov x6, x7
	b __l4re_syscall
__cp_end:
	ret
__cp_cancel:
	b __cancel
