/* SPDX-License-Identifier: MIT */
/*
 * Thread objects. Calls with label L4_PROTO_THREAD; MR0 holds the opcode
 * in bits 0..15 and operation flags above. Thread control is built up in
 * the caller's MRs by l4_thread_control_start/pager/.../commit.
 */
#ifndef L4_SYS_THREAD_H
#define L4_SYS_THREAD_H

#include <l4/sys/types.h>
#include <l4/sys/utcb.h>
#include <l4/sys/ipc.h>

enum L4_thread_ops {
	L4_THREAD_CONTROL_OP = 0UL,
	L4_THREAD_EX_REGS_OP = 1UL,
	L4_THREAD_SWITCH_OP = 2UL,
	L4_THREAD_STATS_OP = 3UL,
	L4_THREAD_VCPU_RESUME_OP = 4UL,
	L4_THREAD_REGISTER_DELETE_IRQ_OP = 5UL,
	L4_THREAD_MODIFY_SENDER_OP = 6UL,
	L4_THREAD_VCPU_CONTROL_OP = 7UL,
	L4_THREAD_VCPU_CONTROL_EXT_OP = L4_THREAD_VCPU_CONTROL_OP | 0x10000,
	L4_THREAD_REGISTER_DOORBELL_IRQ_OP = 8UL,
	L4_THREAD_X86_GDT_OP = 0x10UL,
	L4_THREAD_ARM_TPIDRURO_OP = 0x10UL,
	L4_THREAD_AMD64_SET_SEGMENT_BASE_OP = 0x12UL,
	L4_THREAD_AMD64_GET_SEGMENT_INFO_OP = 0x13UL,
	L4_THREAD_OPCODE_MASK = 0xffff,
};

/* Which fields of a thread-control request are valid (in MR0). */
enum L4_thread_control_flags {
	L4_THREAD_CONTROL_SET_PAGER = 0x0010000,
	L4_THREAD_CONTROL_BIND_TASK = 0x0200000,
	L4_THREAD_CONTROL_ALIEN = 0x0400000,
	L4_THREAD_CONTROL_SET_EXC_HANDLER = 0x1000000,
};

enum L4_thread_control_mr_indices {
	L4_THREAD_CONTROL_MR_IDX_FLAGS = 0,
	L4_THREAD_CONTROL_MR_IDX_PAGER = 1,
	L4_THREAD_CONTROL_MR_IDX_EXC_HANDLER = 2,
	L4_THREAD_CONTROL_MR_IDX_FLAG_VALS = 4,
	L4_THREAD_CONTROL_MR_IDX_BIND_UTCB = 5,
	L4_THREAD_CONTROL_MR_IDX_BIND_TASK = 6,
};

enum L4_thread_ex_regs_flags {
	L4_THREAD_EX_REGS_CANCEL = 0x10000UL,
	L4_THREAD_EX_REGS_TRIGGER_EXCEPTION = 0x20000UL,
	L4_THREAD_EX_REGS_ARCH_MASK = 0xff000000UL,
};

/* ip or sp of ~0UL leaves that register unchanged. */
L4_INLINE l4_msgtag_t l4_thread_ex_regs_u(l4_cap_idx_t thread, l4_addr_t ip, l4_addr_t sp,
					  l4_umword_t flags, l4_utcb_t *utcb)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(utcb);

	v->mr[0] = L4_THREAD_EX_REGS_OP | flags;
	v->mr[1] = ip;
	v->mr[2] = sp;
	return l4_ipc_call(thread, utcb, l4_msgtag(L4_PROTO_THREAD, 3, 0, 0), L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_thread_ex_regs(l4_cap_idx_t thread, l4_addr_t ip, l4_addr_t sp,
					l4_umword_t flags)
{
	return l4_thread_ex_regs_u(thread, ip, sp, flags, l4_utcb());
}

/* Like ex_regs, but hands back the previous flags, ip and sp. */
L4_INLINE l4_msgtag_t l4_thread_ex_regs_ret_u(l4_cap_idx_t thread, l4_addr_t *ip, l4_addr_t *sp,
					      l4_umword_t *flags, l4_utcb_t *utcb)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(utcb);
	l4_msgtag_t ret = l4_thread_ex_regs_u(thread, *ip, *sp, *flags, utcb);

	if (l4_error_u(ret, utcb))
		return ret;
	*flags = v->mr[0];
	*ip = v->mr[1];
	*sp = v->mr[2];
	return ret;
}

L4_INLINE l4_msgtag_t l4_thread_ex_regs_ret(l4_cap_idx_t thread, l4_addr_t *ip, l4_addr_t *sp,
					    l4_umword_t *flags)
{
	return l4_thread_ex_regs_ret_u(thread, ip, sp, flags, l4_utcb());
}

L4_INLINE void l4_thread_control_start_u(l4_utcb_t *utcb)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(utcb);

	v->mr[L4_THREAD_CONTROL_MR_IDX_FLAGS] = L4_THREAD_CONTROL_OP;
	/* Unset fields must not carry stale bits into the flag values. */
	v->mr[L4_THREAD_CONTROL_MR_IDX_FLAG_VALS] = 0;
}

L4_INLINE void l4_thread_control_pager_u(l4_cap_idx_t pager, l4_utcb_t *utcb)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(utcb);

	v->mr[L4_THREAD_CONTROL_MR_IDX_FLAGS] |= L4_THREAD_CONTROL_SET_PAGER;
	v->mr[L4_THREAD_CONTROL_MR_IDX_PAGER] = pager;
}

L4_INLINE void l4_thread_control_exc_handler_u(l4_cap_idx_t exc_handler, l4_utcb_t *utcb)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(utcb);

	v->mr[L4_THREAD_CONTROL_MR_IDX_FLAGS] |= L4_THREAD_CONTROL_SET_EXC_HANDLER;
	v->mr[L4_THREAD_CONTROL_MR_IDX_EXC_HANDLER] = exc_handler;
}

/* thread_utcb is an address inside the task's kernel-user memory. */
L4_INLINE void l4_thread_control_bind_u(l4_utcb_t *thread_utcb, l4_cap_idx_t task, l4_utcb_t *utcb)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(utcb);

	v->mr[L4_THREAD_CONTROL_MR_IDX_FLAGS] |= L4_THREAD_CONTROL_BIND_TASK;
	v->mr[L4_THREAD_CONTROL_MR_IDX_BIND_UTCB] = (l4_addr_t)thread_utcb;
	v->mr[L4_THREAD_CONTROL_MR_IDX_BIND_TASK] = L4_ITEM_MAP;
	v->mr[L4_THREAD_CONTROL_MR_IDX_BIND_TASK + 1] = l4_obj_fpage(task, 0, L4_CAP_FPAGE_RWS).raw;
}

L4_INLINE void l4_thread_control_alien_u(l4_utcb_t *utcb, int on)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(utcb);

	v->mr[L4_THREAD_CONTROL_MR_IDX_FLAGS] |= L4_THREAD_CONTROL_ALIEN;
	if (on)
		v->mr[L4_THREAD_CONTROL_MR_IDX_FLAG_VALS] |= L4_THREAD_CONTROL_ALIEN;
}

/* Six words always; the task item only when binding. */
L4_INLINE l4_msgtag_t l4_thread_control_commit_u(l4_cap_idx_t thread, l4_utcb_t *utcb)
{
	unsigned items = 0;

	if (l4_utcb_mr_u(utcb)->mr[L4_THREAD_CONTROL_MR_IDX_FLAGS] & L4_THREAD_CONTROL_BIND_TASK)
		items = 1;
	return l4_ipc_call(thread, utcb, l4_msgtag(L4_PROTO_THREAD, 6, items, 0), L4_IPC_NEVER);
}

L4_INLINE void l4_thread_control_start(void)
{
	l4_thread_control_start_u(l4_utcb());
}

L4_INLINE void l4_thread_control_pager(l4_cap_idx_t pager)
{
	l4_thread_control_pager_u(pager, l4_utcb());
}

L4_INLINE void l4_thread_control_exc_handler(l4_cap_idx_t exc_handler)
{
	l4_thread_control_exc_handler_u(exc_handler, l4_utcb());
}

L4_INLINE void l4_thread_control_bind(l4_utcb_t *thread_utcb, l4_cap_idx_t task)
{
	l4_thread_control_bind_u(thread_utcb, task, l4_utcb());
}

L4_INLINE void l4_thread_control_alien(int on)
{
	l4_thread_control_alien_u(l4_utcb(), on);
}

L4_INLINE l4_msgtag_t l4_thread_control_commit(l4_cap_idx_t thread)
{
	return l4_thread_control_commit_u(thread, l4_utcb());
}

/* A zero-timeout receive from nobody: the kernel treats it as a yield. */
L4_INLINE l4_msgtag_t l4_thread_yield(void)
{
	l4_ipc_receive(L4_INVALID_CAP, NULL, L4_IPC_BOTH_TIMEOUT_0);
	return l4_msgtag(0, 0, 0, 0);
}

L4_INLINE l4_msgtag_t l4_thread_switch_u(l4_cap_idx_t to_thread, l4_utcb_t *utcb)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(utcb);

	v->mr[0] = L4_THREAD_SWITCH_OP;
	return l4_ipc_call(to_thread, utcb, l4_msgtag(L4_PROTO_THREAD, 1, 0, 0), L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_thread_switch(l4_cap_idx_t to_thread)
{
	return l4_thread_switch_u(to_thread, l4_utcb());
}

/* Consumed CPU time of the thread in microseconds. */
L4_INLINE l4_msgtag_t l4_thread_stats_time_u(l4_cap_idx_t thread, l4_kernel_clock_t *us,
					     l4_utcb_t *utcb)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(utcb);
	l4_msgtag_t res;

	v->mr[0] = L4_THREAD_STATS_OP;
	res = l4_ipc_call(thread, utcb, l4_msgtag(L4_PROTO_THREAD, 1, 0, 0), L4_IPC_NEVER);
	if (l4_msgtag_has_error(res))
		return res;
	*us = v->mr64[l4_utcb_mr64_idx(0)];
	return res;
}

L4_INLINE l4_msgtag_t l4_thread_stats_time(l4_cap_idx_t thread, l4_kernel_clock_t *us)
{
	return l4_thread_stats_time_u(thread, us, l4_utcb());
}

/* irq is triggered when an IPC gate bound to this thread is deleted. */
L4_INLINE l4_msgtag_t l4_thread_register_del_irq_u(l4_cap_idx_t thread, l4_cap_idx_t irq,
						   l4_utcb_t *u)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(u);

	m->mr[0] = L4_THREAD_REGISTER_DELETE_IRQ_OP;
	m->mr[1] = l4_map_obj_control(0, 0);
	m->mr[2] = l4_obj_fpage(irq, 0, L4_CAP_FPAGE_RWS).raw;
	return l4_ipc_call(thread, u, l4_msgtag(L4_PROTO_THREAD, 1, 1, 0), L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_thread_register_del_irq(l4_cap_idx_t thread, l4_cap_idx_t irq)
{
	return l4_thread_register_del_irq_u(thread, irq, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_thread_modify_sender_start_u(l4_utcb_t *u)
{
	l4_utcb_mr_u(u)->mr[0] = L4_THREAD_MODIFY_SENDER_OP;
	return l4_msgtag(L4_PROTO_THREAD, 1, 0, 0);
}

/* Rule: if ((label & match_mask) == match) label = label & ~del | add. */
L4_INLINE int l4_thread_modify_sender_add_u(l4_umword_t match_mask, l4_umword_t match,
					    l4_umword_t del_bits, l4_umword_t add_bits,
					    l4_msgtag_t *tag, l4_utcb_t *u)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(u);
	unsigned w = l4_msgtag_words(*tag);

	if (w >= L4_UTCB_GENERIC_DATA_SIZE - 4)
		return -L4_ENOMEM;
	m->mr[w] = match_mask;
	m->mr[w + 1] = match;
	m->mr[w + 2] = del_bits;
	m->mr[w + 3] = add_bits;
	*tag = l4_msgtag(l4_msgtag_label(*tag), w + 4, 0, 0);
	return 0;
}

L4_INLINE l4_msgtag_t l4_thread_modify_sender_commit_u(l4_cap_idx_t thread, l4_msgtag_t tag,
						       l4_utcb_t *u)
{
	return l4_ipc_call(thread, u, tag, L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_thread_modify_sender_start(void)
{
	return l4_thread_modify_sender_start_u(l4_utcb());
}

L4_INLINE int l4_thread_modify_sender_add(l4_umword_t match_mask, l4_umword_t match,
					  l4_umword_t del_bits, l4_umword_t add_bits,
					  l4_msgtag_t *tag)
{
	return l4_thread_modify_sender_add_u(match_mask, match, del_bits, add_bits, tag, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_thread_modify_sender_commit(l4_cap_idx_t thread, l4_msgtag_t tag)
{
	return l4_thread_modify_sender_commit_u(thread, tag, l4_utcb());
}

#endif /* L4_SYS_THREAD_H */
