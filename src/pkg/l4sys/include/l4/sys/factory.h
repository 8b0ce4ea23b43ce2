/* SPDX-License-Identifier: MIT */
/*
 * Factory objects create kernel objects. A create request is a call with
 * label L4_PROTO_FACTORY, MR0 = protocol of the new object (0 = IPC gate),
 * followed by typed arguments ("vargs": a header word type | size << 16,
 * then the value). The new capability is delivered into the caller's
 * receive buffer BR0 = target | L4_RCV_ITEM_SINGLE_CAP.
 */
#ifndef L4_SYS_FACTORY_H
#define L4_SYS_FACTORY_H

#include <l4/sys/types.h>
#include <l4/sys/utcb.h>
#include <l4/sys/ipc.h>

L4_INLINE l4_msgtag_t l4_factory_create_start_u(long obj, l4_cap_idx_t target_cap, l4_utcb_t *u)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(u);
	l4_buf_regs_t *b = l4_utcb_br_u(u);

	v->mr[0] = (l4_umword_t)obj;
	b->bdr = 0;
	b->br[0] = target_cap | L4_RCV_ITEM_SINGLE_CAP;
	return l4_msgtag(L4_PROTO_FACTORY, 1, 0, 0);
}

/* Replace the word count in a tag (labels and flags stay). */
L4_INLINE void __l4_factory_set_words(l4_msgtag_t *tag, unsigned w)
{
	tag->raw = (l4_mword_t)(((l4_umword_t)tag->raw & ~0x3fUL) | (w & 0x3f));
}

L4_INLINE int __l4_factory_add_word(unsigned type, l4_umword_t d, l4_msgtag_t *tag, l4_utcb_t *u)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(u);
	unsigned w = l4_msgtag_words(*tag);

	if (w + 2 > L4_UTCB_GENERIC_DATA_SIZE)
		return 0;
	v->mr[w] = type | (sizeof(l4_umword_t) << 16);
	v->mr[w + 1] = d;
	__l4_factory_set_words(tag, w + 2);
	return 1;
}

L4_INLINE int l4_factory_create_add_fpage_u(l4_fpage_t d, l4_msgtag_t *tag, l4_utcb_t *u)
{
	return __l4_factory_add_word(L4_VARG_TYPE_FPAGE, d.raw, tag, u);
}

L4_INLINE int l4_factory_create_add_int_u(l4_mword_t d, l4_msgtag_t *tag, l4_utcb_t *u)
{
	return __l4_factory_add_word(L4_VARG_TYPE_MWORD, (l4_umword_t)d, tag, u);
}

L4_INLINE int l4_factory_create_add_uint_u(l4_umword_t d, l4_msgtag_t *tag, l4_utcb_t *u)
{
	return __l4_factory_add_word(L4_VARG_TYPE_UMWORD, d, tag, u);
}

/* len bytes of s (including any terminator the caller wants sent). */
L4_INLINE int l4_factory_create_add_lstr_u(char const *s, unsigned len, l4_msgtag_t *tag,
					   l4_utcb_t *u)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(u);
	unsigned w = l4_msgtag_words(*tag);
	char *c;
	unsigned i;

	if (w + 1 + l4_bytes_to_mwords(len) > L4_UTCB_GENERIC_DATA_SIZE)
		return 0;
	v->mr[w] = L4_VARG_TYPE_STRING | ((l4_umword_t)len << 16);
	c = (char *)&v->mr[w + 1];
	for (i = 0; i < len; ++i)
		c[i] = s[i];
	__l4_factory_set_words(tag, w + 1 + l4_bytes_to_mwords(len));
	return 1;
}

L4_INLINE int l4_factory_create_add_str_u(char const *s, l4_msgtag_t *tag, l4_utcb_t *u)
{
	unsigned len = 0;

	while (s[len])
		++len;
	return l4_factory_create_add_lstr_u(s, len + 1, tag, u);
}

L4_INLINE int l4_factory_create_add_nil_u(l4_msgtag_t *tag, l4_utcb_t *u)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(u);
	unsigned w = l4_msgtag_words(*tag);

	if (w + 1 > L4_UTCB_GENERIC_DATA_SIZE)
		return 0;
	v->mr[w] = L4_VARG_TYPE_NIL;
	__l4_factory_set_words(tag, w + 1);
	return 1;
}

L4_INLINE l4_msgtag_t l4_factory_create_commit_u(l4_cap_idx_t factory, l4_msgtag_t tag,
						 l4_utcb_t *u)
{
	return l4_ipc_call(factory, u, tag, L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_factory_create_u(l4_cap_idx_t factory, long obj, l4_cap_idx_t target,
					  l4_utcb_t *u)
{
	l4_msgtag_t t = l4_factory_create_start_u(obj, target, u);

	return l4_factory_create_commit_u(factory, t, u);
}

L4_INLINE l4_msgtag_t l4_factory_create(l4_cap_idx_t factory, long obj, l4_cap_idx_t target)
{
	return l4_factory_create_u(factory, obj, target, l4_utcb());
}

/* utcb_area: the new task's first kernel-user memory (for UTCBs). */
L4_INLINE l4_msgtag_t l4_factory_create_task_u(l4_cap_idx_t factory, l4_cap_idx_t target_cap,
					       l4_fpage_t utcb_area, l4_utcb_t *u)
{
	l4_msgtag_t t = l4_factory_create_start_u(L4_PROTO_TASK, target_cap, u);

	l4_factory_create_add_fpage_u(utcb_area, &t, u);
	return l4_factory_create_commit_u(factory, t, u);
}

L4_INLINE l4_msgtag_t l4_factory_create_thread_u(l4_cap_idx_t factory, l4_cap_idx_t target_cap,
						 l4_utcb_t *u)
{
	return l4_factory_create_u(factory, L4_PROTO_THREAD, target_cap, u);
}

/* limit: bytes of kernel memory the new factory may hand out. */
L4_INLINE l4_msgtag_t l4_factory_create_factory_u(l4_cap_idx_t factory, l4_cap_idx_t target_cap,
						  unsigned long limit, l4_utcb_t *u)
{
	l4_msgtag_t t = l4_factory_create_start_u(L4_PROTO_FACTORY, target_cap, u);

	l4_factory_create_add_uint_u(limit, &t, u);
	return l4_factory_create_commit_u(factory, t, u);
}

/* thread_cap may be L4_INVALID_CAP: create the gate unbound. */
L4_INLINE l4_msgtag_t l4_factory_create_gate_u(l4_cap_idx_t factory, l4_cap_idx_t target_cap,
					       l4_cap_idx_t thread_cap, l4_umword_t label,
					       l4_utcb_t *u)
{
	l4_msgtag_t t = l4_factory_create_start_u(0, target_cap, u);
	l4_msg_regs_t *v = l4_utcb_mr_u(u);
	unsigned items = 0;

	l4_factory_create_add_uint_u(label, &t, u);
	if (!(thread_cap & L4_INVALID_CAP_BIT)) {
		items = 1;
		v->mr[3] = l4_map_obj_control(0, 0);
		v->mr[4] = l4_obj_fpage(thread_cap, 0, L4_CAP_FPAGE_RWS).raw;
	}
	t = l4_msgtag(l4_msgtag_label(t), l4_msgtag_words(t), items, l4_msgtag_flags(t));
	return l4_factory_create_commit_u(factory, t, u);
}

L4_INLINE l4_msgtag_t l4_factory_create_irq_u(l4_cap_idx_t factory, l4_cap_idx_t target_cap,
					      l4_utcb_t *u)
{
	return l4_factory_create_u(factory, L4_PROTO_IRQ_SENDER, target_cap, u);
}

L4_INLINE l4_msgtag_t l4_factory_create_vm_u(l4_cap_idx_t factory, l4_cap_idx_t target_cap,
					     l4_utcb_t *u)
{
	return l4_factory_create_u(factory, L4_PROTO_VM, target_cap, u);
}

L4_INLINE l4_msgtag_t l4_factory_create_task(l4_cap_idx_t factory, l4_cap_idx_t target_cap,
					     l4_fpage_t utcb_area)
{
	return l4_factory_create_task_u(factory, target_cap, utcb_area, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_factory_create_thread(l4_cap_idx_t factory, l4_cap_idx_t target_cap)
{
	return l4_factory_create_thread_u(factory, target_cap, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_factory_create_factory(l4_cap_idx_t factory, l4_cap_idx_t target_cap,
						unsigned long limit)
{
	return l4_factory_create_factory_u(factory, target_cap, limit, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_factory_create_gate(l4_cap_idx_t factory, l4_cap_idx_t target_cap,
					     l4_cap_idx_t thread_cap, l4_umword_t label)
{
	return l4_factory_create_gate_u(factory, target_cap, thread_cap, label, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_factory_create_irq(l4_cap_idx_t factory, l4_cap_idx_t target_cap)
{
	return l4_factory_create_irq_u(factory, target_cap, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_factory_create_vm(l4_cap_idx_t factory, l4_cap_idx_t target_cap)
{
	return l4_factory_create_vm_u(factory, target_cap, l4_utcb());
}

#endif /* L4_SYS_FACTORY_H */
