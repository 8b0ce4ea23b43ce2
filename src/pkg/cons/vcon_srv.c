// SPDX-License-Identifier: MIT
/*
 * The vcon protocol (label L4_PROTO_LOG, docs/abi.md §7.7) on a client's
 * object, so that l4_vcon_write() and l4re-libc's stdout and stdin work
 * on a cons client exactly as on moe's logs.  WRITE is a send: no reply.
 * READ hands out what was typed while the client had the focus (never
 * blocks: STAT_DONE when nothing more is queued).  Attributes are kept
 * per cons (accepted, returned as zeros), as moe does.
 */
#include <l4/sys/err.h>
#include <l4/sys/utcb.h>
#include <l4/sys/vcon.h>

#include "cons.h"

static void do_write(struct cons_client *c, l4_msgtag_t tag)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	unsigned words = l4_msgtag_words(tag);
	unsigned long n;

	if (words < 2)
		return;
	/* Never trust the count beyond what the message carries. */
	n = m->mr[1];
	if (n > (words - 2) * sizeof(l4_umword_t))
		n = (words - 2) * sizeof(l4_umword_t);
	cons_client_output(c, (char const *)&m->mr[2], n);
}

static l4_msgtag_t do_read(struct cons_client *c)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	size_t want = m->mr[0] >> 16, n;

	if (want > L4_VCON_READ_SIZE)
		want = L4_VCON_READ_SIZE;
	n = cons_client_take_input(c, (char *)&m->mr[1], want);
	m->mr[0] = n | (c->in_len ? 0 : L4_VCON_READ_STAT_DONE);
	return l4_msgtag(0, 1 + l4_bytes_to_mwords((unsigned)n), 0, 0);
}

bool cons_vcon_handle(int idx, l4_msgtag_t tag, l4_msgtag_t *reply)
{
	struct cons_client *c = cons_client(idx);
	l4_msg_regs_t *m = l4_utcb_mr();

	if (!c || l4_msgtag_label(tag) != L4_PROTO_LOG || l4_msgtag_words(tag) < 1) {
		*reply = l4_msgtag(c ? -L4_EBADPROTO : -L4_EINVAL, 0, 0, 0);
		return true;
	}
	switch (m->mr[0] & 0xffff) {
	case L4_VCON_WRITE_OP:
		do_write(c, tag);
		return false;
	case L4_VCON_READ_OP:
		*reply = do_read(c);
		return true;
	case L4_VCON_SET_ATTR_OP:
		*reply = l4_msgtag(0, 0, 0, 0);
		return true;
	case L4_VCON_GET_ATTR_OP:
		m->mr[1] = m->mr[2] = m->mr[3] = 0;
		*reply = l4_msgtag(0, 4, 0, 0);
		return true;
	default:
		*reply = l4_msgtag(-L4_ENOSYS, 0, 0, 0);
		return true;
	}
}
