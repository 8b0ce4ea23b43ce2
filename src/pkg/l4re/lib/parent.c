// SPDX-License-Identifier: MIT
/*
 * Parent client stubs: the exit signal of docs/runtime.md, "Parent".
 */
#include <l4/re/c/parent.h>

#include "msg.h"

long l4re_parent_signal_srv(l4_cap_idx_t parent, unsigned long sig, unsigned long val)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *m = l4_utcb_mr_u(u);

	m->mr[0] = L4RE_PARENT_OP_SIGNAL;
	m->mr[1] = sig;
	m->mr[2] = val;
	return l4re_msg_call(parent, u, l4_msgtag(L4RE_PROTO_PARENT, 3, 0, 0));
}

void l4re_parent_exit(int status)
{
	l4re_env_t *e = l4re_env();

	if (e)
		l4re_parent_signal_srv(e->parent, L4RE_PARENT_SIG_EXIT,
				       (unsigned long)(long)status);
	/* The parent deletes us; until then (or without one) wait for good. */
	for (;;)
		l4_ipc_sleep(L4_IPC_NEVER);
}
