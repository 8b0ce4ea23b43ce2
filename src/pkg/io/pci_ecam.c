// SPDX-License-Identifier: MIT
/*
 * The PCI host bridge from the device tree: a "pci-host-ecam-generic" node
 * (QEMU virt: pcie@10000000).  Its "reg" is the ECAM configuration space
 * (1 MiB per bus from the first bus of "bus-range"; QEMU puts it above
 * 4 GiB at 0x40_1000_0000), its "ranges" the windows through which the
 * CPU reaches PCI I/O and memory space, its "interrupt-map" (masked by
 * "interrupt-map-mask") the GIC line each slot's INTA..INTD is wired to.
 *
 * io maps only the root bus's 1 MiB of ECAM, uncached, from sigma0:
 * bridges are not supported, so no other bus is ever reached.
 */
#include "pci.h"

#include <stdio.h>
#include <string.h>

#include <libfdt.h>

#include <l4/re/c/rm.h>
#include <l4/sigma0/sigma0.h>
#include <l4/sys/err.h>

#define ECAM_BUS_SIZE (1UL << 20)
#define ECAM_BUS_SHIFT 20

/* The PCI address space a "ranges" entry's first cell names (bits 25:24). */
#define PCI_SPACE_IO 1
#define PCI_SPACE_MEM32 2
#define PCI_SPACE_MEM64 3

struct io_pci_host io_pci_host = { .node = -1 };

static uint64_t cells(const fdt32_t *c, int n)
{
	uint64_t v = 0;

	while (n-- > 0)
		v = v << 32 | fdt32_to_cpu(*c++);
	return v;
}

/* A cell-count property; def if the node has none. */
static int count_prop(int node, const char *name, int def)
{
	const fdt32_t *p = fdt_getprop(io_fdt, node, name, NULL);

	return p ? (int)fdt32_to_cpu(*p) : def;
}

static int find_node(void)
{
	int node = -1;

	while ((node = fdt_node_offset_by_compatible(io_fdt, node, "pci-host-ecam-generic")) >= 0) {
		const char *status = fdt_getprop(io_fdt, node, "status", NULL);

		if (!status || !strcmp(status, "okay") || !strcmp(status, "ok"))
			return node;
	}
	return -L4_ENOENT;
}

static void read_ranges(struct io_pci_host *h)
{
	int pac = fdt_address_cells(io_fdt, fdt_parent_offset(io_fdt, h->node));
	int sc = fdt_size_cells(io_fdt, h->node), len;
	const fdt32_t *r = fdt_getprop(io_fdt, h->node, "ranges", &len);
	int entry = 3 + pac + sc;

	if (!r || pac < 1 || pac > 2 || sc < 1 || sc > 2)
		return;
	for (int i = 0; (i + 1) * entry * 4 <= len; i++) {
		const fdt32_t *e = r + i * entry;
		unsigned space = (fdt32_to_cpu(e[0]) >> 24) & 3;
		struct io_pci_window w = { .pci = cells(e + 1, 2),
					   .cpu = cells(e + 3, pac),
					   .size = cells(e + 3 + pac, sc) };
		struct io_pci_window *slot = space == PCI_SPACE_IO    ? &h->io :
					     space == PCI_SPACE_MEM32 ? &h->mem32 :
					     space == PCI_SPACE_MEM64 ? &h->mem64 :
									NULL;

		if (slot && !slot->size && w.size) {
			w.next = w.pci;
			*slot = w;
		}
	}
}

int io_pci_host_init(void)
{
	struct io_pci_host *h = &io_pci_host;
	int parent, ac, sc, len, err;
	const fdt32_t *reg, *range;
	uint64_t ecam;
	l4_addr_t va = 0;

	h->node = find_node();
	if (h->node < 0)
		return -L4_ENOENT;
	parent = fdt_parent_offset(io_fdt, h->node);
	ac = fdt_address_cells(io_fdt, parent);
	sc = fdt_size_cells(io_fdt, parent);
	reg = fdt_getprop(io_fdt, h->node, "reg", &len);
	if (!reg || ac < 1 || ac > 2 || sc < 1 || sc > 2 || len < (ac + sc) * 4 ||
	    count_prop(h->node, "#address-cells", 0) != 3 || cells(reg + ac, sc) < ECAM_BUS_SIZE) {
		printf("io: %s: no usable ECAM \"reg\"\n", fdt_get_name(io_fdt, h->node, NULL));
		return -L4_EINVAL;
	}
	ecam = cells(reg, ac);
	range = fdt_getprop(io_fdt, h->node, "bus-range", &len);
	h->bus = range && len >= 8 ? fdt32_to_cpu(range[0]) & 0xff : 0;
	read_ranges(h);
	err = l4re_rm_reserve_area(&va, ECAM_BUS_SIZE, L4RE_RM_F_SEARCH_ADDR, ECAM_BUS_SHIFT);
	if (err < 0)
		return err;
	err = l4sigma0_map_iomem(io_sigma0, ecam, va, ECAM_BUS_SIZE, 0);
	if (err < 0) {
		printf("io: sigma0 refused the PCI configuration space %#llx+%#lx: %s\n",
		       (unsigned long long)ecam, ECAM_BUS_SIZE, l4sigma0_map_errstr(err));
		l4re_rm_free_area(va);
		return -L4_ENOMEM;
	}
	h->ecam = (volatile uint8_t *)va;
	return 0;
}

/*
 * interrupt-map entries: child unit address (3 cells: bus << 16 | devfn
 * << 8, 0, 0), child interrupt (1 cell: the pin), the parent's phandle,
 * its unit address (its #address-cells) and its specifier (its
 * #interrupt-cells; the GIC's 3).  The child's address and pin are
 * masked with interrupt-map-mask before the lookup, which is how QEMU's
 * four entries per slot cover slot n and n + 4, n + 8, ... alike.
 */
bool io_pci_intx(unsigned devfn, unsigned pin, struct io_irq *q)
{
	int node = io_pci_host.node, len, mlen;
	const fdt32_t *map = fdt_getprop(io_fdt, node, "interrupt-map", &len);
	const fdt32_t *mask = fdt_getprop(io_fdt, node, "interrupt-map-mask", &mlen);
	uint32_t key[4] = { io_pci_host.bus << 16 | devfn << 8, 0, 0, pin };
	int n = len / 4;

	if (!map || count_prop(node, "#interrupt-cells", 0) != 1)
		return false;
	for (int k = 0; mask && mlen == 16 && k < 4; k++)
		key[k] &= fdt32_to_cpu(mask[k]);
	for (int i = 0; i + 5 <= n;) {
		const fdt32_t *e = map + i;
		int parent = fdt_node_offset_by_phandle(io_fdt, fdt32_to_cpu(e[4]));
		int pac, pic;
		bool match = true;

		if (parent < 0)
			return false;
		pac = count_prop(parent, "#address-cells", 0);
		pic = count_prop(parent, "#interrupt-cells", -1);
		if (pac < 0 || pic < 0 || i + 5 + pac + pic > n)
			return false;
		for (int k = 0; k < 4; k++)
			match &= fdt32_to_cpu(e[k]) == key[k];
		if (match)
			return pic == 3 &&
			       io_gic_irq(fdt32_to_cpu(e[5 + pac]), fdt32_to_cpu(e[6 + pac]),
					  fdt32_to_cpu(e[7 + pac]), q);
		i += 5 + pac + pic;
	}
	return false;
}
