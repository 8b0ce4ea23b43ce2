// SPDX-License-Identifier: MIT
/*
 * Parent side of the exit protocol, for whoever serves a child's parent
 * gate (docs/runtime.md, "Parent").
 */
#include <l4/loader/loader.h>
#include <l4/re/protocols.h>

int l4_loader_parent_decode(l4_msgtag_t tag, l4_utcb_t *u, unsigned long *sig, unsigned long *val)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(u);

	if (l4_msgtag_label(tag) != L4RE_PROTO_PARENT || l4_msgtag_words(tag) < 3 ||
	    m->mr[0] != L4RE_PARENT_OP_SIGNAL)
		return 0;
	*sig = m->mr[1];
	*val = m->mr[2];
	return 1;
}
