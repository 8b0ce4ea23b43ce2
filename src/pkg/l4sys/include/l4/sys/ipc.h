/* SPDX-License-Identifier: MIT */
/*
 * Object invocation (IPC) and IPC error handling.
 *
 * Every kernel operation is one system call, `svc #0`:
 *   in:  x0 = message tag, x1 = send label, x2 = capability selector |
 *        L4_SYSF_* flags, x3 = timeout pair
 *   out: x0 = result tag, x1 = received label
 * All other registers are preserved. Message contents travel in the UTCB,
 * which is why the asm clobbers "memory".
 */
#ifndef L4_SYS_IPC_H
#define L4_SYS_IPC_H

#include <l4/sys/types.h>
#include <l4/sys/utcb.h>
#include <l4/sys/err.h>

/* Values of the TCR error word after a failed IPC (bit 0: receive phase). */
enum l4_ipc_tcr_error_t {
	L4_IPC_ERROR_MASK = 0x1F,
	L4_IPC_SND_ERR_MASK = 0x01,

	L4_IPC_ENOT_EXISTENT = 0x04,
	L4_IPC_RETIMEOUT = 0x03,
	L4_IPC_SETIMEOUT = 0x02,
	L4_IPC_RECANCELED = 0x07,
	L4_IPC_SECANCELED = 0x06,
	L4_IPC_REMAPFAILED = 0x11,
	L4_IPC_SEMAPFAILED = 0x10,
	L4_IPC_RESNDPFTO = 0x0b,
	L4_IPC_SESNDPFTO = 0x0a,
	L4_IPC_RERCVPFTO = 0x0d,
	L4_IPC_SERCVPFTO = 0x0c,
	L4_IPC_REABORTED = 0x0f,
	L4_IPC_SEABORTED = 0x0e,
	L4_IPC_REMSGCUT = 0x09,
	L4_IPC_SEMSGCUT = 0x08,
};

/*
 * The raw invocation. utcb is unused: the kernel finds the UTCB through
 * the thread, and user code through TPIDRRO_EL0.
 */
L4_ALWAYS_INLINE l4_msgtag_t l4_ipc(l4_cap_idx_t dest, l4_utcb_t *utcb, l4_umword_t flags,
				    l4_umword_t slabel, l4_msgtag_t tag, l4_umword_t *rlabel,
				    l4_timeout_t timeout)
{
	register l4_umword_t x0 __asm__("x0") = (l4_umword_t)tag.raw;
	register l4_umword_t x1 __asm__("x1") = slabel;
	register l4_umword_t x2 __asm__("x2") = dest | flags;
	register l4_umword_t x3 __asm__("x3") = timeout.raw;

	(void)utcb;
	__asm__ __volatile__("svc #0" : "+r"(x0), "+r"(x1) : "r"(x2), "r"(x3) : "memory", "cc");
	if (rlabel)
		*rlabel = x1;
	tag.raw = (l4_mword_t)x0;
	return tag;
}

L4_INLINE l4_msgtag_t l4_ipc_call(l4_cap_idx_t dest, l4_utcb_t *utcb, l4_msgtag_t tag,
				  l4_timeout_t timeout)
{
	return l4_ipc(dest, utcb, L4_SYSF_CALL, 0, tag, NULL, timeout);
}

L4_INLINE l4_msgtag_t l4_ipc_send(l4_cap_idx_t dest, l4_utcb_t *utcb, l4_msgtag_t tag,
				  l4_timeout_t timeout)
{
	return l4_ipc(dest, utcb, L4_SYSF_SEND, 0, tag, NULL, timeout);
}

L4_INLINE l4_msgtag_t l4_ipc_reply_and_wait(l4_utcb_t *utcb, l4_msgtag_t tag, l4_umword_t *label,
					    l4_timeout_t timeout)
{
	return l4_ipc(L4_INVALID_CAP, utcb, L4_SYSF_REPLY_AND_WAIT, 0, tag, label, timeout);
}

L4_INLINE l4_msgtag_t l4_ipc_send_and_wait(l4_cap_idx_t dest, l4_utcb_t *utcb, l4_msgtag_t tag,
					   l4_umword_t *label, l4_timeout_t timeout)
{
	return l4_ipc(dest, utcb, L4_SYSF_SEND_AND_WAIT, 0, tag, label, timeout);
}

L4_INLINE l4_msgtag_t l4_ipc_wait(l4_utcb_t *utcb, l4_umword_t *label, l4_timeout_t timeout)
{
	return l4_ipc(L4_INVALID_CAP, utcb, L4_SYSF_WAIT, 0, l4_msgtag(0, 0, 0, 0), label, timeout);
}

L4_INLINE l4_msgtag_t l4_ipc_receive(l4_cap_idx_t object, l4_utcb_t *utcb, l4_timeout_t timeout)
{
	return l4_ipc(object, utcb, L4_SYSF_RECV, 0, l4_msgtag(0, 0, 0, 0), NULL, timeout);
}

/* Receiving from the invalid cap never succeeds: a pure timed wait. */
L4_INLINE l4_msgtag_t l4_ipc_sleep(l4_timeout_t timeout)
{
	return l4_ipc_receive(L4_INVALID_CAP, NULL, timeout);
}

L4_INLINE long l4_ipc_to_errno(unsigned long ipc_error_code)
{
	return -(long)(L4_EIPC_LO + ipc_error_code);
}

L4_INLINE l4_umword_t l4_ipc_error(l4_msgtag_t tag, l4_utcb_t *utcb)
{
	if (!l4_msgtag_has_error(tag))
		return 0;
	return l4_utcb_tcr_u(utcb)->error & L4_IPC_ERROR_MASK;
}

/* IPC failure as -(L4_EIPC_LO + code), else the label (the op's result). */
L4_INLINE long l4_error_u(l4_msgtag_t tag, l4_utcb_t *u)
{
	if (l4_msgtag_has_error(tag))
		return l4_ipc_to_errno(l4_utcb_tcr_u(u)->error & L4_IPC_ERROR_MASK);
	return l4_msgtag_label(tag);
}

L4_INLINE long l4_error(l4_msgtag_t tag)
{
	return l4_error_u(tag, l4_utcb());
}

L4_INLINE int l4_ipc_is_snd_error(l4_utcb_t *u)
{
	return (l4_utcb_tcr_u(u)->error & 1) == 0;
}

L4_INLINE int l4_ipc_is_rcv_error(l4_utcb_t *u)
{
	return (int)(l4_utcb_tcr_u(u)->error & 1);
}

L4_INLINE int l4_ipc_error_code(l4_utcb_t *u)
{
	return (int)(l4_utcb_tcr_u(u)->error & L4_IPC_ERROR_MASK);
}

/*
 * Append a map item after the words and items already in the tag. The
 * CONT bit makes all items added this way land in the same receive item.
 */
L4_INLINE int l4_sndfpage_add_u(l4_fpage_t const snd_fpage, unsigned long snd_base,
				l4_msgtag_t *tag, l4_utcb_t *utcb)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(utcb);
	unsigned i = l4_msgtag_words(*tag) + 2 * l4_msgtag_items(*tag);

	if (i >= L4_UTCB_GENERIC_DATA_SIZE - 1)
		return -L4_ENOMEM;
	v->mr[i] = snd_base | L4_ITEM_MAP | L4_ITEM_CONT;
	v->mr[i + 1] = snd_fpage.raw;
	*tag = l4_msgtag(l4_msgtag_label(*tag), l4_msgtag_words(*tag), l4_msgtag_items(*tag) + 1,
			 l4_msgtag_flags(*tag));
	return 0;
}

L4_INLINE int l4_sndfpage_add(l4_fpage_t const snd_fpage, unsigned long snd_base, l4_msgtag_t *tag)
{
	return l4_sndfpage_add_u(snd_fpage, snd_base, tag, l4_utcb());
}

#endif /* L4_SYS_IPC_H */
