/* SPDX-License-Identifier: MIT */
/*
 * IPC timeouts.
 *
 * A 16-bit timeout is either relative, a tiny float of microseconds
 * (bits 0..9 mantissa m, bits 10..14 exponent e, value m * 2^e us; 0 means
 * "never", m == 0 with e != 0 means "zero"), or absolute (bit 15 set, bits
 * 0..5 name the buffer register holding the 64-bit KIP-clock deadline).
 * l4_timeout_t packs two: send timeout in bits 16..31, receive in 0..15.
 */
#ifndef L4_SYS_TIMEOUT_H
#define L4_SYS_TIMEOUT_H

#include <l4/sys/l4int.h>
#include <l4/sys/compiler.h>

typedef struct l4_timeout_s {
	l4_uint16_t t;
} __attribute__((packed)) l4_timeout_s;

typedef union l4_timeout_t {
	l4_uint32_t raw;
	struct {
		l4_timeout_s rcv; /* little endian: low half */
		l4_timeout_s snd;
	} p;
} l4_timeout_t;

#define L4_IPC_TIMEOUT_0 ((l4_timeout_s){ 0x0400 })
#define L4_IPC_TIMEOUT_NEVER ((l4_timeout_s){ 0 })
#define L4_IPC_NEVER_INITIALIZER \
	{                        \
		0                \
	}
#define L4_IPC_NEVER ((l4_timeout_t){ 0 })
#define L4_IPC_RECV_TIMEOUT_0 ((l4_timeout_t){ 0x00000400 })
#define L4_IPC_SEND_TIMEOUT_0 ((l4_timeout_t){ 0x04000000 })
#define L4_IPC_BOTH_TIMEOUT_0 ((l4_timeout_t){ 0x04000400 })

#define L4_TIMEOUT_US_NEVER (~0ULL)
#define L4_TIMEOUT_US_MAX ((1ULL << 41) - 1)

L4_INLINE l4_timeout_s l4_timeout_rel(unsigned man, unsigned ex)
{
	l4_timeout_s to;

	to.t = (l4_uint16_t)((man & 0x3ff) | ((ex << 10) & 0x7c00));
	return to;
}

L4_INLINE l4_timeout_t l4_timeout(l4_timeout_s snd, l4_timeout_s rcv)
{
	l4_timeout_t to;

	to.raw = ((l4_uint32_t)snd.t << 16) | rcv.t;
	return to;
}

L4_INLINE l4_timeout_t l4_ipc_timeout(unsigned snd_man, unsigned snd_exp, unsigned rcv_man,
				      unsigned rcv_exp)
{
	return l4_timeout(l4_timeout_rel(snd_man, snd_exp), l4_timeout_rel(rcv_man, rcv_exp));
}

L4_INLINE void l4_snd_timeout(l4_timeout_s snd, l4_timeout_t *to)
{
	to->p.snd = snd;
}

L4_INLINE void l4_rcv_timeout(l4_timeout_s rcv, l4_timeout_t *to)
{
	to->p.rcv = rcv;
}

/* Microseconds of a relative timeout; ~0 for "never". */
L4_INLINE l4_kernel_clock_t l4_timeout_rel_get(l4_timeout_s to)
{
	if (to.t == 0)
		return ~0ULL;
	return (l4_kernel_clock_t)(to.t & 0x3ff) << ((to.t >> 10) & 0x1f);
}

L4_INLINE unsigned l4_timeout_is_absolute(l4_timeout_s to)
{
	return to.t & 0x8000;
}

L4_INLINE l4_kernel_clock_t l4_timeout_get(l4_kernel_clock_t cur, l4_timeout_s to)
{
	/* The deadline of an absolute timeout lives in a BR, not here. */
	if (l4_timeout_is_absolute(to))
		return 0;
	return cur + l4_timeout_rel_get(to);
}

/* Round a microsecond delay down into the 10-bit mantissa format. */
L4_INLINE l4_timeout_s l4_timeout_from_us(l4_uint64_t us)
{
	l4_timeout_s to;
	int e;

	if (us == 0)
		return L4_IPC_TIMEOUT_0;
	if (us == L4_TIMEOUT_US_NEVER || us > L4_TIMEOUT_US_MAX)
		return L4_IPC_TIMEOUT_NEVER;
	e = (63 - __builtin_clzll(us)) - 9;
	if (e < 0)
		e = 0;
	to.t = (l4_uint16_t)(((unsigned)e << 10) | (unsigned)(us >> e));
	return to;
}

#endif /* L4_SYS_TIMEOUT_H */
