/* SPDX-License-Identifier: MIT */
/*
 * The PCI host bridge as the device tree describes it ("pci-host-ecam-
 * generic", QEMU virt's pcie@10000000), shared by pci_ecam.c (finding it,
 * mapping its configuration space, routing INTx) and pci.c (enumerating
 * and assigning).  Only the first bus of its bus-range is used: bridges
 * are not supported.
 */
#ifndef IO_PCI_H
#define IO_PCI_H

#include "io.h"

/* One of the host bridge's "ranges": PCI addresses [pci, pci + size) at CPU cpu. */
struct io_pci_window {
	uint64_t pci, cpu, size;
	uint64_t next; /* the next free PCI address */
};

struct io_pci_host {
	int node;
	unsigned bus;			       /* the root bus: first of bus-range */
	volatile uint8_t *ecam;		       /* the root bus's 1 MiB of ECAM in io's space */
	struct io_pci_window io, mem32, mem64; /* size 0: the bridge has none */
};

extern struct io_pci_host io_pci_host;

/* Finds the host bridge and maps its root bus; -L4_ENOENT if there is none. */
int io_pci_host_init(void);
/* The GIC line INTx pin (1..4) of devfn on the root bus is wired to; false if unrouted. */
bool io_pci_intx(unsigned devfn, unsigned pin, struct io_irq *q);

#endif /* IO_PCI_H */
