/* SPDX-License-Identifier: MIT */
/* The kernel's side of the KIP: one page, mapped read-only into every task. */
#ifndef KERNEL_KIP_H
#define KERNEL_KIP_H

#include <types.h>

struct bootinfo;

extern paddr_t kip_phys;

void kip_init(const struct bootinfo *bi, paddr_t bootinfo_phys);
/* Per tick: the clock fields user land reads without a system call. */
void kip_update_clock(uint64_t now);
void kip_set_kmem(paddr_t start, paddr_t end);

#endif
