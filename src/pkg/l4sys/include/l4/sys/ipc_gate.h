/* SPDX-License-Identifier: MIT */
/*
 * IPC gates: kernel objects that forward IPC to the thread bound to them,
 * tagging every message with the gate's label so a server can tell its
 * clients (objects) apart.
 */
#ifndef L4_SYS_IPC_GATE_H
#define L4_SYS_IPC_GATE_H

#include <l4/sys/utcb.h>
#include <l4/sys/types.h>
#include <l4/sys/rcv_endpoint.h>

enum L4_ipc_gate_ops {
	L4_IPC_GATE_BIND_OP = 0x10,
	L4_IPC_GATE_GET_INFO_OP = 0x11,
};

/* Old name of l4_rcv_ep_bind_thread(); same message. */
L4_INLINE l4_msgtag_t l4_ipc_gate_bind_thread_u(l4_cap_idx_t gate, l4_cap_idx_t thread,
						l4_umword_t label, l4_utcb_t *utcb)
{
	return l4_rcv_ep_bind_thread_u(gate, thread, label, utcb);
}

L4_INLINE l4_msgtag_t l4_ipc_gate_bind_thread(l4_cap_idx_t gate, l4_cap_idx_t thread,
					      l4_umword_t label)
{
	return l4_rcv_ep_bind_thread_u(gate, thread, label, l4_utcb());
}

/* Needs a capability with L4_FPAGE_C_IPCGATE_SVR; label comes in MR0. */
L4_INLINE l4_msgtag_t l4_ipc_gate_get_infos_u(l4_cap_idx_t gate, l4_umword_t *label,
					      l4_utcb_t *utcb)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(utcb);
	l4_msgtag_t tag;

	m->mr[0] = L4_IPC_GATE_GET_INFO_OP;
	tag = l4_ipc_call(gate, utcb, l4_msgtag(L4_PROTO_KOBJECT, 1, 0, 0), L4_IPC_NEVER);
	if (!l4_msgtag_has_error(tag) && l4_msgtag_label(tag) >= 0)
		*label = m->mr[0];
	return tag;
}

L4_INLINE l4_msgtag_t l4_ipc_gate_get_infos(l4_cap_idx_t gate, l4_umword_t *label)
{
	return l4_ipc_gate_get_infos_u(gate, label, l4_utcb());
}

#endif /* L4_SYS_IPC_GATE_H */
