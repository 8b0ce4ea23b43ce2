/* SPDX-License-Identifier: MIT */
/*
 * Parent protocol (L4Re's L4Re::Parent): how a program tells whoever
 * started it that it ends.  Signal 0 (L4RE_PARENT_SIG_EXIT) with the exit
 * status as value; the parent logs it, records it for its waiters and
 * deletes the task, so the call may never return.
 */
#ifndef L4_RE_C_PARENT_H
#define L4_RE_C_PARENT_H

#include <l4/re/env.h>
#include <l4/re/protocols.h>

EXTERN_C_BEGIN

/* Send signal sig with value val to parent.  0 or a negative error. */
long l4re_parent_signal_srv(l4_cap_idx_t parent, unsigned long sig, unsigned long val);

/* Report exit status to env->parent, then block forever. */
void l4re_parent_exit(int status) L4_NORETURN;

EXTERN_C_END

#endif /* L4_RE_C_PARENT_H */
