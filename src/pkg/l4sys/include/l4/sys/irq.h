/* SPDX-License-Identifier: MIT */
/*
 * IRQ objects: a source of interrupt messages (label L4_PROTO_IRQ, no
 * words) delivered to the bound thread with the bound label. Hardware IRQs
 * reach an IRQ object through an ICU (icu.h); software triggers it with
 * l4_irq_trigger().
 */
#ifndef L4_SYS_IRQ_H
#define L4_SYS_IRQ_H

#include <l4/sys/types.h>
#include <l4/sys/utcb.h>
#include <l4/sys/ipc.h>
#include <l4/sys/rcv_endpoint.h>

enum L4_irq_sender_op {
	L4_IRQ_SENDER_OP_RESERVED1 = 0, /* formerly attach */
	L4_IRQ_SENDER_OP_ATTACH = 0,
	L4_IRQ_SENDER_OP_DETACH = 1,
};

enum L4_irq_mux_op {
	L4_IRQ_MUX_OP_CHAIN = 0,
};

enum L4_irq_op {
	L4_IRQ_OP_TRIGGER = 2,
	L4_IRQ_OP_EOI = 4,
};

/*
 * Bind the IRQ to a thread. (L4ReC) Older L4Re had a separate attach
 * message; we send the receive-endpoint bind, which newer L4Re uses too.
 */
L4_INLINE l4_msgtag_t l4_irq_attach_u(l4_cap_idx_t irq, l4_umword_t label, l4_cap_idx_t thread,
				      l4_utcb_t *utcb)
{
	return l4_rcv_ep_bind_thread_u(irq, thread, label, utcb);
}

L4_INLINE l4_msgtag_t l4_irq_attach(l4_cap_idx_t irq, l4_umword_t label, l4_cap_idx_t thread)
{
	return l4_irq_attach_u(irq, label, thread, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_irq_bind_u(l4_cap_idx_t irq, l4_umword_t label, l4_cap_idx_t thread,
				    l4_utcb_t *utcb)
{
	return l4_rcv_ep_bind_thread_u(irq, thread, label, utcb);
}

L4_INLINE l4_msgtag_t l4_irq_bind(l4_cap_idx_t irq, l4_umword_t label, l4_cap_idx_t thread)
{
	return l4_irq_bind_u(irq, label, thread, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_irq_detach_u(l4_cap_idx_t irq, l4_utcb_t *utcb)
{
	l4_utcb_mr_u(utcb)->mr[0] = L4_IRQ_SENDER_OP_DETACH;
	return l4_ipc_call(irq, utcb, l4_msgtag(L4_PROTO_IRQ_SENDER, 1, 0, 0), L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_irq_detach(l4_cap_idx_t irq)
{
	return l4_irq_detach_u(irq, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_irq_mux_chain_u(l4_cap_idx_t irq, l4_cap_idx_t slave, l4_utcb_t *utcb)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(utcb);

	m->mr[0] = L4_IRQ_MUX_OP_CHAIN;
	m->mr[1] = l4_map_obj_control(0, 0);
	m->mr[2] = l4_obj_fpage(slave, 0, L4_CAP_FPAGE_RWS).raw;
	return l4_ipc_call(irq, utcb, l4_msgtag(L4_PROTO_IRQ_MUX, 1, 1, 0), L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_irq_mux_chain(l4_cap_idx_t irq, l4_cap_idx_t slave)
{
	return l4_irq_mux_chain_u(irq, slave, l4_utcb());
}

/* A send without words; zero timeouts because nobody replies. */
L4_INLINE l4_msgtag_t l4_irq_trigger_u(l4_cap_idx_t irq, l4_utcb_t *utcb)
{
	return l4_ipc_send(irq, utcb, l4_msgtag(L4_PROTO_IRQ, 0, 0, 0), L4_IPC_BOTH_TIMEOUT_0);
}

L4_INLINE l4_msgtag_t l4_irq_trigger(l4_cap_idx_t irq)
{
	return l4_irq_trigger_u(irq, l4_utcb());
}

/* Unmask, then wait for this IRQ only. */
L4_INLINE l4_msgtag_t l4_irq_receive_u(l4_cap_idx_t irq, l4_timeout_t to, l4_utcb_t *utcb)
{
	l4_utcb_mr_u(utcb)->mr[0] = L4_IRQ_OP_EOI;
	return l4_ipc_call(irq, utcb, l4_msgtag(L4_PROTO_IRQ, 1, 0, 0), to);
}

L4_INLINE l4_msgtag_t l4_irq_receive(l4_cap_idx_t irq, l4_timeout_t to)
{
	return l4_irq_receive_u(irq, to, l4_utcb());
}

/* Unmask, then wait for any message. */
L4_INLINE l4_msgtag_t l4_irq_wait_u(l4_cap_idx_t irq, l4_umword_t *label, l4_timeout_t to,
				    l4_utcb_t *utcb)
{
	l4_utcb_mr_u(utcb)->mr[0] = L4_IRQ_OP_EOI;
	return l4_ipc_send_and_wait(irq, utcb, l4_msgtag(L4_PROTO_IRQ, 1, 0, 0), label, to);
}

L4_INLINE l4_msgtag_t l4_irq_wait(l4_cap_idx_t irq, l4_umword_t *label, l4_timeout_t to)
{
	return l4_irq_wait_u(irq, label, to, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_irq_unmask_u(l4_cap_idx_t irq, l4_utcb_t *utcb)
{
	l4_utcb_mr_u(utcb)->mr[0] = L4_IRQ_OP_EOI;
	return l4_ipc_send(irq, utcb, l4_msgtag(L4_PROTO_IRQ, 1, 0, 0), L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_irq_unmask(l4_cap_idx_t irq)
{
	return l4_irq_unmask_u(irq, l4_utcb());
}

#endif /* L4_SYS_IRQ_H */
