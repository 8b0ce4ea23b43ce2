// SPDX-License-Identifier: MIT
//
// l4re-libc: __unmapself(base, size) frees a detached thread's stack and
// ends the thread without touching that stack again.  The backend does it
// on a stack of its own (backend/thread_exit.c), so this is a tail call.

.global __unmapself
.type   __unmapself,%function
__unmapself:
	b __l4re_unmapself
