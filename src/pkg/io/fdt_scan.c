// SPDX-License-Identifier: MIT
/*
 * The device tree QEMU passes, read with libfdt.  The KIP's user_ptr holds
 * the bootinfo's physical address and the bootinfo the DTB's; both are
 * mapped from sigma0 (io holds a sigma0 gate, as in L4Re): the bootinfo
 * is boot memory, the DTB firmware memory sigma0 hands out read-only.
 * They go into areas reserved in io's region map, so nothing else is
 * ever put there.
 *
 * Devices are the nodes with a "reg" and a "compatible" property that are
 * not disabled, whose registers are CPU physical addresses: children of
 * the root or of buses with an empty "ranges" (identity).  Interrupts are
 * read for a GIC parent (3 cells: SPI/PPI, number, flags).  A PCI host
 * bridge is not a device of its own: pci.c enumerates what is behind it.
 */
#include "io.h"

#include "bootinfo.h"

#include <stdio.h>
#include <string.h>

#include <libfdt.h>

#include <l4/re/c/rm.h>
#include <l4/sigma0/sigma0.h>
#include <l4/sys/consts.h>
#include <l4/sys/err.h>
#include <l4/sys/icu.h>
#include <l4/sys/kip.h>

#define IO_DTB_MAX (1UL << 20) /* bootstrap reserves this much for it */

/* Maps [phys, phys + size) page-wise into a new area of io's space. */
static void *map_ram(uint64_t phys, uint64_t size)
{
	uint64_t base = phys & L4_PAGEMASK, len = l4_round_page(phys + size) - base;
	l4_addr_t va = 0;
	int err;

	if (l4re_rm_reserve_area(&va, len, L4RE_RM_F_SEARCH_ADDR, L4_PAGESHIFT) < 0)
		return NULL;
	err = l4sigma0_map_mem(io_sigma0, base, va, len);
	if (err < 0) {
		printf("io: sigma0 refused %#llx+%#llx: %s\n", (unsigned long long)base,
		       (unsigned long long)len, l4sigma0_map_errstr(err));
		return NULL;
	}
	return (void *)(va + (phys - base));
}

int io_fdt_map(void)
{
	const struct bootinfo *bi;
	const void *hdr;

	bi = map_ram(l4_kip()->user_ptr, sizeof(*bi));
	if (!bi || bi->magic != BOOTINFO_MAGIC) {
		printf("io: no bootinfo at %#lx\n", (unsigned long)l4_kip()->user_ptr);
		return -L4_EINVAL;
	}
	if (!bi->dtb) {
		printf("io: the boot loader passed no device tree\n");
		return -L4_ENOENT;
	}
	hdr = map_ram(bi->dtb, sizeof(struct fdt_header));
	if (!hdr || fdt_check_header(hdr) || fdt_totalsize(hdr) > IO_DTB_MAX) {
		printf("io: no valid device tree at %#llx\n", (unsigned long long)bi->dtb);
		return -L4_EINVAL;
	}
	io_fdt = map_ram(bi->dtb, fdt_totalsize(hdr));
	return io_fdt ? 0 : -L4_ENOMEM;
}

/* Are the node's registers CPU addresses (no translating bus in between)? */
static bool identity_mapped(int node)
{
	for (int p = fdt_parent_offset(io_fdt, node); p > 0; p = fdt_parent_offset(io_fdt, p)) {
		int len;

		if (!fdt_getprop(io_fdt, p, "ranges", &len) || len != 0)
			return false;
	}
	return true;
}

static uint64_t cells(const fdt32_t *c, int n)
{
	uint64_t v = 0;

	while (n-- > 0)
		v = v << 32 | fdt32_to_cpu(*c++);
	return v;
}

static void read_regs(struct io_dev *d, int node)
{
	int parent = fdt_parent_offset(io_fdt, node), len;
	int ac = fdt_address_cells(io_fdt, parent), sc = fdt_size_cells(io_fdt, parent);
	const fdt32_t *reg = fdt_getprop(io_fdt, node, "reg", &len);

	if (!reg || ac < 1 || ac > 2 || sc < 0 || sc > 2)
		return;
	for (int i = 0; (i + 1) * (ac + sc) * 4 <= len && d->nr_regs < IO_MAX_REGS; i++) {
		const fdt32_t *r = reg + i * (ac + sc);
		uint64_t size = cells(r + ac, sc);

		if (!size)
			continue;
		d->regs[d->nr_regs++] = (struct io_reg){ .phys = cells(r, ac), .size = size };
	}
}

/* The interrupt parent's #interrupt-cells; 0 if there is none. */
static int irq_cells(int node)
{
	for (int n = node; n >= 0; n = fdt_parent_offset(io_fdt, n)) {
		const fdt32_t *ph = fdt_getprop(io_fdt, n, "interrupt-parent", NULL);
		const fdt32_t *c;
		int ic;

		if (!ph)
			continue;
		ic = fdt_node_offset_by_phandle(io_fdt, fdt32_to_cpu(*ph));
		c = ic >= 0 ? fdt_getprop(io_fdt, ic, "#interrupt-cells", NULL) : NULL;
		return c ? (int)fdt32_to_cpu(*c) : 0;
	}
	return 0;
}

static unsigned irq_mode(uint32_t flags)
{
	switch (flags & 0xf) {
	case 1:
		return L4_IRQ_F_POS_EDGE;
	case 2:
		return L4_IRQ_F_NEG_EDGE;
	case 8:
		return L4_IRQ_F_LEVEL_LOW;
	default:
		return L4_IRQ_F_LEVEL_HIGH;
	}
}

bool io_gic_irq(uint32_t type, uint32_t nr, uint32_t flags, struct io_irq *q)
{
	if (type > 1)
		return false;
	*q = (struct io_irq){ .intid = nr + (type == 0 ? 32 : 16),
			      .mode = irq_mode(flags),
			      .cap = L4_INVALID_CAP };
	return true;
}

static void read_irqs(struct io_dev *d, int node)
{
	const fdt32_t *irq;
	int len;

	if (irq_cells(node) != 3)
		return; /* not the GIC's encoding */
	irq = fdt_getprop(io_fdt, node, "interrupts", &len);
	for (int i = 0; irq && (i + 1) * 12 <= len && d->nr_irqs < IO_MAX_IRQS; i++)
		if (io_gic_irq(fdt32_to_cpu(irq[3 * i]), fdt32_to_cpu(irq[3 * i + 1]),
			       fdt32_to_cpu(irq[3 * i + 2]), &d->irqs[d->nr_irqs]))
			d->nr_irqs++;
}

/* A PCI host bridge's "reg" is its configuration space: io's own (pci.c). */
static bool pci_host(int node)
{
	const char *type = fdt_getprop(io_fdt, node, "device_type", NULL);

	return type && !strcmp(type, "pci");
}

void io_fdt_scan(void)
{
	for (int node = fdt_next_node(io_fdt, 0, NULL); node >= 0 && io_nr_devs < IO_MAX_DEVS;
	     node = fdt_next_node(io_fdt, node, NULL)) {
		const char *status = fdt_getprop(io_fdt, node, "status", NULL);
		struct io_dev *d = &io_devs[io_nr_devs];

		if (!fdt_getprop(io_fdt, node, "compatible", NULL) ||
		    !fdt_getprop(io_fdt, node, "reg", NULL) || !identity_mapped(node) ||
		    pci_host(node) || (status && strcmp(status, "okay") && strcmp(status, "ok")))
			continue;
		*d = (struct io_dev){ .node = node, .virtio_id = -1 };
		snprintf(d->name, sizeof(d->name), "%s", fdt_get_name(io_fdt, node, NULL));
		read_regs(d, node);
		if (!d->nr_regs)
			continue;
		read_irqs(d, node);
		io_nr_devs++;
	}
	printf("io: %u devices in the device tree\n", io_nr_devs);
}
