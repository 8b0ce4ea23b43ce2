/* SPDX-License-Identifier: MIT */
/*
 * The sigma0 protocol: how the root task (and anyone else holding a sigma0
 * capability) asks the root pager for physical memory, I/O memory and the
 * KIP. Requests are calls with label L4_PROTO_SIGMA0, MR0 = request code,
 * MR1 = flexpage naming what is wanted, and a memory receive window in
 * BR0/BR1; sigma0 answers with a map item. L4Re keeps these functions in a
 * library; here they are static inlines.
 */
#ifndef L4_SIGMA0_SIGMA0_H
#define L4_SIGMA0_SIGMA0_H

#include <l4/sys/compiler.h>
#include <l4/sys/types.h>
#include <l4/sys/utcb.h>
#include <l4/sys/ipc.h>
#include <l4/sys/kip.h>

/* Request codes: magic in bits 8..63, request id in bits 4..7. */
#define SIGMA0_REQ_MAGIC ~0xFFUL
#define SIGMA0_REQ_MASK ~0xFFUL

#define SIGMA0_REQ_ID_MASK 0xF0
#define SIGMA0_REQ_ID_FPAGE_RAM 0x60
#define SIGMA0_REQ_ID_FPAGE_IOMEM 0x70
#define SIGMA0_REQ_ID_FPAGE_IOMEM_CACHED 0x80
#define SIGMA0_REQ_ID_FPAGE_ANY 0x90
#define SIGMA0_REQ_ID_KIP 0xA0
#define SIGMA0_REQ_ID_TBUF 0xB0
#define SIGMA0_REQ_ID_DEBUG_DUMP 0xC0
#define SIGMA0_REQ_ID_NEW_CLIENT 0xD0

#define SIGMA0_IS_MAGIC_REQ(d1) (((d1)&SIGMA0_REQ_MASK) == SIGMA0_REQ_MAGIC)
#define SIGMA0_REQ(x) (SIGMA0_REQ_MAGIC + SIGMA0_REQ_ID_##x)

#define SIGMA0_REQ_FPAGE_RAM (SIGMA0_REQ(FPAGE_RAM))
#define SIGMA0_REQ_FPAGE_IOMEM (SIGMA0_REQ(FPAGE_IOMEM))
#define SIGMA0_REQ_FPAGE_IOMEM_CACHED (SIGMA0_REQ(FPAGE_IOMEM_CACHED))
#define SIGMA0_REQ_FPAGE_ANY (SIGMA0_REQ(FPAGE_ANY))
#define SIGMA0_REQ_KIP (SIGMA0_REQ(KIP))
#define SIGMA0_REQ_TBUF (SIGMA0_REQ(TBUF))
#define SIGMA0_REQ_DEBUG_DUMP (SIGMA0_REQ(DEBUG_DUMP))
#define SIGMA0_REQ_NEW_CLIENT (SIGMA0_REQ(NEW_CLIENT))

/* The map functions return these negated. */
enum l4sigma0_return_flags_t {
	L4SIGMA0_OK,
	L4SIGMA0_NOTALIGNED,
	L4SIGMA0_IPCERROR,
	L4SIGMA0_NOFPAGE,
	L4SIGMA0_4,
	L4SIGMA0_5,
	L4SIGMA0_SMALLERFPAGE,
};

/*
 * One request: ask for 'want' (mr1), receive into 'window'. Returns the
 * reply tag; the received item, if any, is in MR0/MR1.
 */
L4_INLINE l4_msgtag_t __l4sigma0_request(l4_cap_idx_t sigma0, l4_umword_t req, l4_fpage_t want,
					 l4_fpage_t window, l4_utcb_t *u)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(u);
	l4_buf_regs_t *b = l4_utcb_br_u(u);

	m->mr[0] = req;
	m->mr[1] = want.raw;
	b->bdr = 0;
	b->br[0] = L4_ITEM_MAP;
	b->br[1] = window.raw;
	return l4_ipc_call(sigma0, u, l4_msgtag(L4_PROTO_SIGMA0, 2, 0, 0), L4_IPC_NEVER);
}

/* Map [phys, phys+size) to virt, in the largest chunks alignment allows. */
L4_INLINE int __l4sigma0_map_range(l4_cap_idx_t sigma0, l4_umword_t req, l4_addr_t phys,
				   l4_addr_t virt, l4_addr_t size)
{
	l4_utcb_t *u = l4_utcb();
	unsigned order = L4_LOG2_SUPERPAGESIZE;
	l4_addr_t chunk = L4_SUPERPAGESIZE;

	if ((phys | virt | size) & (chunk - 1)) {
		order = L4_LOG2_PAGESIZE;
		chunk = L4_PAGESIZE;
	}
	if ((phys | virt | size) & (chunk - 1))
		return -L4SIGMA0_NOTALIGNED;

	for (; size > 0; phys += chunk, virt += chunk, size -= chunk) {
		l4_msgtag_t tag;

		do {
			tag = __l4sigma0_request(sigma0, req, l4_fpage(phys, order, L4_FPAGE_RWX),
						 l4_fpage(virt, order, L4_FPAGE_RWX), u);
			/* Retry IPCs cut short by ex_regs, as L4Re does. */
		} while (l4_msgtag_has_error(tag) && (l4_ipc_error_code(u) == L4_IPC_SECANCELED ||
						      l4_ipc_error_code(u) == L4_IPC_SEABORTED));

		if (l4_msgtag_has_error(tag))
			return -L4SIGMA0_IPCERROR;
		if (l4_msgtag_items(tag) == 0)
			return -L4SIGMA0_NOFPAGE;
	}
	return 0;
}

L4_INLINE int l4sigma0_map_mem(l4_cap_idx_t sigma0, l4_addr_t phys, l4_addr_t virt, l4_addr_t size)
{
	return __l4sigma0_map_range(sigma0, SIGMA0_REQ_FPAGE_RAM, phys, virt, size);
}

L4_INLINE int l4sigma0_map_iomem(l4_cap_idx_t sigma0, l4_addr_t phys, l4_addr_t virt,
				 l4_addr_t size, int cached)
{
	return __l4sigma0_map_range(sigma0,
				    cached ? SIGMA0_REQ_FPAGE_IOMEM_CACHED : SIGMA0_REQ_FPAGE_IOMEM,
				    phys, virt, size);
}

/*
 * Any free RAM block of 2^sz bytes, mapped into the window
 * (map_area, 2^log2_map_size). *base receives its physical address (the
 * send base of the received item).
 */
L4_INLINE int l4sigma0_map_anypage(l4_cap_idx_t sigma0, l4_addr_t map_area, unsigned log2_map_size,
				   l4_addr_t *base, unsigned sz)
{
	l4_utcb_t *u = l4_utcb();
	l4_msgtag_t tag;

	tag = __l4sigma0_request(sigma0, SIGMA0_REQ_FPAGE_ANY, l4_fpage(0, sz, 0),
				 l4_fpage(map_area, log2_map_size, L4_FPAGE_RWX), u);
	if (l4_msgtag_has_error(tag))
		return -L4SIGMA0_IPCERROR;
	if (l4_msgtag_items(tag) == 0)
		return -L4SIGMA0_NOFPAGE;
	if (base)
		*base = l4_utcb_mr_u(u)->mr[0] & L4_FPAGE_CONTROL_MASK;
	return 0;
}

/* Map the KIP into the window; returns where it landed, NULL on error. */
L4_INLINE l4_kernel_info_t *l4sigma0_map_kip(l4_cap_idx_t sigma0, void *addr, unsigned log2_size)
{
	l4_utcb_t *u = l4_utcb();
	l4_msgtag_t tag;
	l4_umword_t snd_base;

	tag = __l4sigma0_request(sigma0, SIGMA0_REQ_KIP, l4_fpage(0, 0, 0),
				 l4_fpage((l4_addr_t)addr, log2_size, L4_FPAGE_RWX), u);
	if (l4_msgtag_has_error(tag) || l4_msgtag_items(tag) == 0)
		return NULL;
	snd_base = l4_utcb_mr_u(u)->mr[0] & L4_FPAGE_CONTROL_MASK;
	return (l4_kernel_info_t *)((l4_addr_t)addr + (snd_base & ((1UL << log2_size) - 1)));
}

L4_INLINE void l4sigma0_debug_dump(l4_cap_idx_t sigma0)
{
	l4_utcb_t *u = l4_utcb();

	l4_utcb_mr_u(u)->mr[0] = SIGMA0_REQ_DEBUG_DUMP;
	l4_ipc_call(sigma0, u, l4_msgtag(L4_PROTO_SIGMA0, 1, 0, 0), L4_IPC_NEVER);
}

/* Ask sigma0 for a fresh gate to it, delivered to slot 'gate'. */
L4_INLINE int l4sigma0_new_client(l4_cap_idx_t sigma0, l4_cap_idx_t gate)
{
	l4_utcb_t *u = l4_utcb();
	l4_buf_regs_t *b = l4_utcb_br_u(u);
	l4_msgtag_t tag;

	l4_utcb_mr_u(u)->mr[0] = SIGMA0_REQ_NEW_CLIENT;
	b->bdr = 0;
	b->br[0] = gate | L4_RCV_ITEM_SINGLE_CAP;
	tag = l4_ipc_call(sigma0, u, l4_msgtag(L4_PROTO_SIGMA0, 1, 0, 0), L4_IPC_NEVER);
	if (l4_msgtag_has_error(tag))
		return -L4SIGMA0_IPCERROR;
	if (l4_msgtag_items(tag) == 0)
		return -L4SIGMA0_NOFPAGE;
	return 0;
}

L4_INLINE char const *l4sigma0_map_errstr(int err)
{
	switch (err) {
	case 0:
		return "No error";
	case -L4SIGMA0_NOTALIGNED:
		return "Phys, virt or size not aligned";
	case -L4SIGMA0_IPCERROR:
		return "IPC error";
	case -L4SIGMA0_NOFPAGE:
		return "No fpage received";
	case -L4SIGMA0_SMALLERFPAGE:
		return "Superpage requested but smaller flexpage received";
	default:
		return "Unknown error";
	}
}

#endif /* L4_SIGMA0_SIGMA0_H */
