/* SPDX-License-Identifier: MIT */
/*
 * Interrupt controller (ICU) objects: connect hardware interrupt lines to
 * IRQ objects. Messages carry label L4_PROTO_IRQ and the opcode in MR0.
 */
#ifndef L4_SYS_ICU_H
#define L4_SYS_ICU_H

#include <l4/sys/types.h>
#include <l4/sys/utcb.h>
#include <l4/sys/ipc.h>

enum L4_icu_flags {
	L4_ICU_FLAG_MSI = 0x80000000, /* irqnum names an MSI vector */
};

enum L4_irq_mode {
	L4_IRQ_F_NONE = 0,
	L4_IRQ_F_LEVEL = 0x2,
	L4_IRQ_F_EDGE = 0x0,
	L4_IRQ_F_POS = 0x0,
	L4_IRQ_F_NEG = 0x4,
	L4_IRQ_F_BOTH = 0x8,
	L4_IRQ_F_LEVEL_HIGH = 0x3,
	L4_IRQ_F_LEVEL_LOW = 0x7,
	L4_IRQ_F_POS_EDGE = 0x1,
	L4_IRQ_F_NEG_EDGE = 0x5,
	L4_IRQ_F_BOTH_EDGE = 0x9,
	L4_IRQ_F_MASK = 0xf,
	L4_IRQ_F_SET_WAKEUP = 0x10,
	L4_IRQ_F_CLEAR_WAKEUP = 0x20,
};

enum L4_icu_opcode {
	L4_ICU_OP_BIND = 0,
	L4_ICU_OP_UNBIND = 1,
	L4_ICU_OP_INFO = 2,
	L4_ICU_OP_MSI_INFO = 3,
	L4_ICU_OP_UNMASK = 4,
	L4_ICU_OP_MASK = 5,
	L4_ICU_OP_SET_MODE = 6,
};

enum L4_icu_ctl_op {
	L4_ICU_CTL_UNMASK = 0,
	L4_ICU_CTL_MASK = 1,
};

typedef struct l4_icu_info_t {
	unsigned features; /* L4_ICU_FLAG_MSI if MSIs are supported */
	unsigned nr_irqs;
	unsigned nr_msis;
} l4_icu_info_t;

typedef struct l4_icu_msi_info_t {
	l4_uint64_t msi_addr;
	l4_uint32_t msi_data;
} l4_icu_msi_info_t;

/* Result label: <0 error, 0 unmask via the IRQ, 1 unmask via the ICU. */
L4_INLINE l4_msgtag_t l4_icu_bind_u(l4_cap_idx_t icu, unsigned irqnum, l4_cap_idx_t irq,
				    l4_utcb_t *utcb)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(utcb);

	m->mr[0] = L4_ICU_OP_BIND;
	m->mr[1] = irqnum;
	m->mr[2] = l4_map_obj_control(0, 0);
	m->mr[3] = l4_obj_fpage(irq, 0, L4_CAP_FPAGE_RWS).raw;
	return l4_ipc_call(icu, utcb, l4_msgtag(L4_PROTO_IRQ, 2, 1, 0), L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_icu_bind(l4_cap_idx_t icu, unsigned irqnum, l4_cap_idx_t irq)
{
	return l4_icu_bind_u(icu, irqnum, irq, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_icu_unbind_u(l4_cap_idx_t icu, unsigned irqnum, l4_cap_idx_t irq,
				      l4_utcb_t *utcb)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(utcb);

	m->mr[0] = L4_ICU_OP_UNBIND;
	m->mr[1] = irqnum;
	m->mr[2] = l4_map_obj_control(0, 0);
	m->mr[3] = l4_obj_fpage(irq, 0, L4_CAP_FPAGE_RWS).raw;
	return l4_ipc_call(icu, utcb, l4_msgtag(L4_PROTO_IRQ, 2, 1, 0), L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_icu_unbind(l4_cap_idx_t icu, unsigned irqnum, l4_cap_idx_t irq)
{
	return l4_icu_unbind_u(icu, irqnum, irq, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_icu_info_u(l4_cap_idx_t icu, l4_icu_info_t *info, l4_utcb_t *utcb)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(utcb);
	l4_msgtag_t res;

	m->mr[0] = L4_ICU_OP_INFO;
	res = l4_ipc_call(icu, utcb, l4_msgtag(L4_PROTO_IRQ, 1, 0, 0), L4_IPC_NEVER);
	info->features = (unsigned)m->mr[0];
	info->nr_irqs = (unsigned)m->mr[1];
	info->nr_msis = (unsigned)m->mr[2];
	return res;
}

L4_INLINE l4_msgtag_t l4_icu_info(l4_cap_idx_t icu, l4_icu_info_t *info)
{
	return l4_icu_info_u(icu, info, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_icu_msi_info_u(l4_cap_idx_t icu, unsigned irqnum, l4_uint64_t source,
					l4_icu_msi_info_t *msi_info, l4_utcb_t *utcb)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(utcb);
	l4_msgtag_t res;

	m->mr[0] = L4_ICU_OP_MSI_INFO;
	m->mr[1] = irqnum;
	m->mr64[l4_utcb_mr64_idx(2)] = source;
	res = l4_ipc_call(icu, utcb, l4_msgtag(L4_PROTO_IRQ, 3, 0, 0), L4_IPC_NEVER);
	if (l4_msgtag_has_error(res))
		return res;
	if (l4_msgtag_words(res) * sizeof(l4_umword_t) < sizeof(*msi_info))
		return res;
	msi_info->msi_addr = m->mr64[0];
	msi_info->msi_data = (l4_uint32_t)m->mr[1];
	return res;
}

L4_INLINE l4_msgtag_t l4_icu_msi_info(l4_cap_idx_t icu, unsigned irqnum, l4_uint64_t source,
				      l4_icu_msi_info_t *msi_info)
{
	return l4_icu_msi_info_u(icu, irqnum, source, msi_info, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_icu_set_mode_u(l4_cap_idx_t icu, unsigned irqnum, l4_umword_t mode,
					l4_utcb_t *utcb)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(utcb);

	m->mr[0] = L4_ICU_OP_SET_MODE;
	m->mr[1] = irqnum;
	m->mr[2] = mode;
	return l4_ipc_call(icu, utcb, l4_msgtag(L4_PROTO_IRQ, 3, 0, 0), L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_icu_set_mode(l4_cap_idx_t icu, unsigned irqnum, l4_umword_t mode)
{
	return l4_icu_set_mode_u(icu, irqnum, mode, l4_utcb());
}

/* Mask/unmask are sends; with a label pointer they also wait for a message. */
L4_INLINE l4_msgtag_t l4_icu_control_u(l4_cap_idx_t icu, unsigned irqnum, unsigned op,
				       l4_umword_t *label, l4_timeout_t to, l4_utcb_t *utcb)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(utcb);

	m->mr[0] = L4_ICU_OP_UNMASK + op;
	m->mr[1] = irqnum;
	if (label)
		return l4_ipc_send_and_wait(icu, utcb, l4_msgtag(L4_PROTO_IRQ, 2, 0, 0), label, to);
	return l4_ipc_send(icu, utcb, l4_msgtag(L4_PROTO_IRQ, 2, 0, 0), to);
}

L4_INLINE l4_msgtag_t l4_icu_mask_u(l4_cap_idx_t icu, unsigned irqnum, l4_umword_t *label,
				    l4_timeout_t to, l4_utcb_t *utcb)
{
	return l4_icu_control_u(icu, irqnum, L4_ICU_CTL_MASK, label, to, utcb);
}

L4_INLINE l4_msgtag_t l4_icu_unmask_u(l4_cap_idx_t icu, unsigned irqnum, l4_umword_t *label,
				      l4_timeout_t to, l4_utcb_t *utcb)
{
	return l4_icu_control_u(icu, irqnum, L4_ICU_CTL_UNMASK, label, to, utcb);
}

L4_INLINE l4_msgtag_t l4_icu_mask(l4_cap_idx_t icu, unsigned irqnum, l4_umword_t *label,
				  l4_timeout_t to)
{
	return l4_icu_mask_u(icu, irqnum, label, to, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_icu_unmask(l4_cap_idx_t icu, unsigned irqnum, l4_umword_t *label,
				    l4_timeout_t to)
{
	return l4_icu_unmask_u(icu, irqnum, label, to, l4_utcb());
}

#endif /* L4_SYS_ICU_H */
