// SPDX-License-Identifier: MIT
/*
 * Message helpers shared by the libl4re stubs (see msg.h).  Byte copies
 * are open-coded: libl4re uses no C library.
 */
#include "msg.h"

#include <l4/sys/consts.h>

unsigned long l4re_strlen(char const *s)
{
	unsigned long n = 0;

	while (s[n])
		n++;
	return n;
}

unsigned l4re_msg_put_str(l4_utcb_t *u, unsigned w, char const *s, unsigned long n)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(u);
	char *d;

	if (w + 1 + l4_bytes_to_mwords((unsigned)n) > L4_UTCB_GENERIC_DATA_SIZE)
		return 0;
	m->mr[w] = n;
	d = (char *)&m->mr[w + 1];
	for (unsigned long i = 0; i < n; i++)
		d[i] = s[i];
	return w + 1 + l4_bytes_to_mwords((unsigned)n);
}

void l4re_msg_put_cap(l4_utcb_t *u, unsigned w, l4_cap_idx_t cap, unsigned rights)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(u);

	m->mr[w] = l4_map_obj_control(0, 0);
	m->mr[w + 1] = l4_obj_fpage(cap, 0, (unsigned char)rights).raw;
}

void l4re_msg_rcv_cap(l4_utcb_t *u, l4_cap_idx_t slot)
{
	l4_buf_regs_t *b = l4_utcb_br_u(u);

	b->bdr = 0;
	b->br[0] = slot | L4_RCV_ITEM_SINGLE_CAP;
	b->br[1] = 0;
}

long l4re_msg_call(l4_cap_idx_t obj, l4_utcb_t *u, l4_msgtag_t tag)
{
	return l4_error_u(l4_ipc_call(obj, u, tag, L4_IPC_NEVER), u);
}
