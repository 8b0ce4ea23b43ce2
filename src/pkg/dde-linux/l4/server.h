/* SPDX-License-Identifier: MIT */
/*
 * Internal to the L4 half: the labels the server loop tells apart (client
 * gate, interrupt lines) and the hooks between server.c and irq.c.  The
 * kernel keeps the low two bits of a label for rights, so every label
 * here has them clear.
 */
#ifndef DDE_L4_SERVER_H
#define DDE_L4_SERVER_H

#include <l4/sys/types.h>

#define DDE_SERVER_GATE_LABEL 0x10UL
#define DDE_SERVER_IRQ_BASE 0x1000UL
#define DDE_SERVER_IRQ_MASK 0xff0UL
#define DDE_SERVER_IRQ_LABEL(slot) (DDE_SERVER_IRQ_BASE | ((l4_umword_t)(slot) << 4))

/* An interrupt label: runs the handler, unmasks, returns 1; else 0. */
int dde_server_irq(l4_umword_t label);

/* irq.c: io's Irq for line irq (vbus.c); request_irq() uses it then. -L4_EEXIST: had one. */
int dde_l4_irq_provide(unsigned irq, l4_cap_idx_t cap);

/* iomem.c: device memory [phys, phys + size) is mapped at virt (vbus.c). */
void dde_l4_iomem_add_window(unsigned long phys, unsigned long size, unsigned long virt);

#endif
