/* SPDX-License-Identifier: MIT */
/*
 * Virtual console protocol (label L4_PROTO_LOG). The kernel's log object at
 * L4_BASE_LOG_CAP speaks it, and so do user-level console servers.
 * Write is a send-only IPC: MR0 = op, MR1 = byte count, bytes from MR2.
 */
#ifndef L4_SYS_VCON_H
#define L4_SYS_VCON_H

#include <l4/sys/types.h>
#include <l4/sys/utcb.h>
#include <l4/sys/ipc.h>

enum L4_vcon_size_consts {
	L4_VCON_WRITE_SIZE = (L4_UTCB_GENERIC_DATA_SIZE - 2) * sizeof(l4_umword_t),
	L4_VCON_READ_SIZE = (L4_UTCB_GENERIC_DATA_SIZE - 1) * sizeof(l4_umword_t),
};

enum L4_vcon_read_flags {
	L4_VCON_READ_SIZE_MASK = 0x3fffffff,
	L4_VCON_READ_STAT_BREAK = 1 << 30,
	L4_VCON_READ_STAT_DONE = 1U << 31, /* no more input queued */
};

typedef struct l4_vcon_attr_t {
	l4_umword_t i_flags;
	l4_umword_t o_flags;
	l4_umword_t l_flags;
} l4_vcon_attr_t;

enum L4_vcon_i_flags {
	L4_VCON_INLCR = 000100,
	L4_VCON_IGNCR = 000200,
	L4_VCON_ICRNL = 000400,
};

enum L4_vcon_o_flags {
	L4_VCON_ONLCR = 000004,
	L4_VCON_OCRNL = 000010,
	L4_VCON_ONLRET = 000040,
};

enum L4_vcon_l_flags {
	L4_VCON_ICANON = 000002,
	L4_VCON_ECHO = 000010,
};

enum L4_vcon_ops {
	L4_VCON_WRITE_OP = 0UL,
	L4_VCON_READ_OP = 1UL,
	L4_VCON_SET_ATTR_OP = 2UL,
	L4_VCON_GET_ATTR_OP = 3UL,
};

/* size must not exceed L4_VCON_WRITE_SIZE (not checked, as in L4Re). */
L4_INLINE l4_msgtag_t l4_vcon_send_u(l4_cap_idx_t vcon, char const *buf, unsigned size,
				     l4_utcb_t *utcb)
{
	l4_msg_regs_t *mr = l4_utcb_mr_u(utcb);
	char *d = (char *)&mr->mr[2];
	unsigned i;

	mr->mr[0] = L4_VCON_WRITE_OP;
	mr->mr[1] = size;
	for (i = 0; i < size; ++i)
		d[i] = buf[i];
	return l4_ipc_send(
		vcon, utcb,
		l4_msgtag(L4_PROTO_LOG, 2 + l4_bytes_to_mwords(size), 0, L4_MSGTAG_SCHEDULE),
		L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_vcon_send(l4_cap_idx_t vcon, char const *buf, unsigned size)
{
	return l4_vcon_send_u(vcon, buf, size, l4_utcb());
}

/* Returns bytes written (at most L4_VCON_WRITE_SIZE) or an error. */
L4_INLINE long l4_vcon_write_u(l4_cap_idx_t vcon, char const *buf, unsigned size, l4_utcb_t *utcb)
{
	l4_msgtag_t t;

	if (size > L4_VCON_WRITE_SIZE)
		size = L4_VCON_WRITE_SIZE;
	t = l4_vcon_send_u(vcon, buf, size, utcb);
	if (l4_msgtag_has_error(t))
		return l4_error_u(t, utcb);
	return (long)size;
}

L4_INLINE long l4_vcon_write(l4_cap_idx_t vcon, char const *buf, unsigned size)
{
	return l4_vcon_write_u(vcon, buf, size, l4_utcb());
}

/*
 * Returns < 0 error, <= size bytes read, > size: size bytes read and more
 * are pending. Bits 30/31 of the reply word are status flags.
 */
L4_INLINE int l4_vcon_read_with_flags_u(l4_cap_idx_t vcon, char *buf, unsigned size,
					l4_utcb_t *utcb)
{
	l4_msg_regs_t *mr = l4_utcb_mr_u(utcb);
	char const *s;
	unsigned r, n, i;
	long err;
	int ret;

	mr->mr[0] = ((l4_umword_t)size << 16) | L4_VCON_READ_OP;
	err = l4_error_u(l4_ipc_call(vcon, utcb, l4_msgtag(L4_PROTO_LOG, 1, 0, 0), L4_IPC_NEVER),
			 utcb);
	if (err < 0)
		return (int)err;

	r = (unsigned)(mr->mr[0] & L4_VCON_READ_SIZE_MASK);
	if (!(mr->mr[0] & L4_VCON_READ_STAT_DONE))
		ret = (int)size + 1;
	else if (r < size)
		ret = (int)r;
	else
		ret = (int)size;

	n = r < size ? r : size;
	s = (char const *)&mr->mr[1];
	if (buf)
		for (i = 0; i < n; ++i)
			buf[i] = s[i];

	return ret |
	       (int)(mr->mr[0] & ~(l4_umword_t)(L4_VCON_READ_STAT_DONE | L4_VCON_READ_SIZE_MASK));
}

L4_INLINE int l4_vcon_read_with_flags(l4_cap_idx_t vcon, char *buf, unsigned size)
{
	return l4_vcon_read_with_flags_u(vcon, buf, size, l4_utcb());
}

L4_INLINE int l4_vcon_read_u(l4_cap_idx_t vcon, char *buf, unsigned size, l4_utcb_t *utcb)
{
	int r = l4_vcon_read_with_flags_u(vcon, buf, size, utcb);

	if (r < 0)
		return r;
	return r & L4_VCON_READ_SIZE_MASK;
}

L4_INLINE int l4_vcon_read(l4_cap_idx_t vcon, char *buf, unsigned size)
{
	return l4_vcon_read_u(vcon, buf, size, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_vcon_set_attr_u(l4_cap_idx_t vcon, l4_vcon_attr_t const *attr,
					 l4_utcb_t *utcb)
{
	l4_msg_regs_t *mr = l4_utcb_mr_u(utcb);

	mr->mr[0] = L4_VCON_SET_ATTR_OP;
	mr->mr[1] = attr->i_flags;
	mr->mr[2] = attr->o_flags;
	mr->mr[3] = attr->l_flags;
	return l4_ipc_call(vcon, utcb, l4_msgtag(L4_PROTO_LOG, 4, 0, 0), L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_vcon_set_attr(l4_cap_idx_t vcon, l4_vcon_attr_t const *attr)
{
	return l4_vcon_set_attr_u(vcon, attr, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_vcon_get_attr_u(l4_cap_idx_t vcon, l4_vcon_attr_t *attr, l4_utcb_t *utcb)
{
	l4_msg_regs_t *mr = l4_utcb_mr_u(utcb);
	l4_msgtag_t res;

	mr->mr[0] = L4_VCON_GET_ATTR_OP;
	res = l4_ipc_call(vcon, utcb, l4_msgtag(L4_PROTO_LOG, 1, 0, 0), L4_IPC_NEVER);
	if (l4_error_u(res, utcb) >= 0) {
		attr->i_flags = mr->mr[1];
		attr->o_flags = mr->mr[2];
		attr->l_flags = mr->mr[3];
	}
	return res;
}

L4_INLINE l4_msgtag_t l4_vcon_get_attr(l4_cap_idx_t vcon, l4_vcon_attr_t *attr)
{
	return l4_vcon_get_attr_u(vcon, attr, l4_utcb());
}

L4_INLINE void l4_vcon_set_attr_raw(l4_vcon_attr_t *attr)
{
	attr->i_flags = 0;
	attr->o_flags = 0;
	attr->l_flags = 0;
}

#endif /* L4_SYS_VCON_H */
