// SPDX-License-Identifier: MIT
/*
 * l4re-libc backend: the end of the process.  musl's exit() has run the
 * atexit handlers and flushed stdio when it calls exit_group; we report the
 * status to our parent (L4Re's Parent Signal, sig 0 = exit, value =
 * status; docs/runtime.md), which logs it and deletes our task.  The
 * calling thread blocks until then (l4re_parent_exit).
 */
#include <l4/re/c/parent.h>

#include "backend.h"

_Noreturn void __l4libc_exit_group(int status)
{
	l4re_parent_exit(status & 0xff);
}
