// SPDX-License-Identifier: MIT
//
// l4re-libc: musl's __clone(func, stack, flags, arg, ptid, tls, ctid) is
// served by the backend's C function of the same signature (backend/clone.c),
// which creates an L4 kernel thread; this file only replaces musl's
// Linux `svc` version so that libc.a holds exactly one __clone.

.global __clone
.hidden __clone
.type   __clone,%function
__clone:
	b __l4re_clone
