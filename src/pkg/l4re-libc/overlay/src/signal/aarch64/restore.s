// SPDX-License-Identifier: MIT
//
// l4re-libc: signal-return trampolines musl's sigaction installs.  L4ReC
// delivers no signals, so they are never entered; if they were, they ask
// the backend for rt_sigreturn (which it does not serve) instead of trapping
// into the kernel with a Linux `svc`.

.global __restore
.hidden __restore
.type __restore,%function
__restore:
.global __restore_rt
.hidden __restore_rt
.type __restore_rt,%function
__restore_rt:
	mov x0, #139 // SYS_rt_sigreturn
	mov x1, #0
	b __l4re_syscall
