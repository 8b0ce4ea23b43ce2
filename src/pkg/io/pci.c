// SPDX-License-Identifier: MIT
/*
 * PCI functions on the host bridge's root bus become io devices like the
 * device-tree ones, named "pci:BB:DD.F".  Nothing ran before io (no
 * firmware), so io assigns the BARs itself:
 *
 *  - a function exists if its vendor ID is not 0xffff; function 0's
 *    header type bit 7 says whether functions 1..7 are worth probing;
 *  - each BAR is sized with decoding off (write all ones, read back the
 *    writable bits, restore), then given an address from the bridge's
 *    windows aligned to its size: I/O BARs from the I/O window, memory
 *    BARs from the 32-bit memory window (64-bit BARs too while they fit,
 *    then the 64-bit window).  Every BAR gets at least a page of its own
 *    (I/O ones from port 0x1000, below are the legacy ports), so a
 *    dataspace of one never reaches another device's registers;
 *  - the command register's decode bits stay off: enabling them is the
 *    driver's business (Linux's pci_enable_device does, through vbus
 *    CFG_WRITE);
 *  - INTx: interrupt pin (config 0x3d) through the bridge's interrupt-map.
 *
 * Region n of the device is BAR n at its CPU address; empty BARs and the
 * upper halves of 64-bit ones are empty regions.  Functions with another
 * header type (bridges, CardBus) are reported and left alone.
 */
#include "pci.h"

#include <stdio.h>

#include <l4/io/vbus.h>
#include <l4/sys/consts.h>
#include <l4/sys/err.h>

#define PCI_VENDOR 0x00
#define PCI_COMMAND 0x04
#define PCI_COMMAND_IO 0x1
#define PCI_COMMAND_MEM 0x2
#define PCI_CLASS_REV 0x08
#define PCI_HEADER_TYPE 0x0e
#define PCI_BAR0 0x10
#define PCI_SUBSYS 0x2c
#define PCI_INT_PIN 0x3d

#define PCI_BAR_IO 0x1
#define PCI_BAR_MEM_64 0x4
#define PCI_BAR_MEM_PREFETCH 0x8

#define PCI_IO_MIN 0x1000
#define PCI_4G (1ULL << 32)

uint32_t io_pci_cfg_read(const struct io_dev *d, unsigned off, unsigned width)
{
	volatile uint8_t *p = d->pci.cfg + off;

	switch (width) {
	case 1:
		return *p;
	case 2:
		return *(volatile uint16_t *)p;
	default:
		return *(volatile uint32_t *)p;
	}
}

void io_pci_cfg_write(const struct io_dev *d, unsigned off, unsigned width, uint32_t val)
{
	volatile uint8_t *p = d->pci.cfg + off;

	switch (width) {
	case 1:
		*p = (uint8_t)val;
		break;
	case 2:
		*(volatile uint16_t *)p = (uint16_t)val;
		break;
	default:
		*(volatile uint32_t *)p = val;
		break;
	}
}

/* size bytes aligned to align from w; false if the window (or 4 GiB, for below) is full. */
static bool alloc(struct io_pci_window *w, uint64_t size, uint64_t align, uint64_t below,
		  uint64_t *addr)
{
	uint64_t a = (w->next + align - 1) & ~(align - 1);

	if (!w->size || a < w->next || a + size < a || a + size > w->pci + w->size ||
	    a + size > below)
		return false;
	*addr = a;
	w->next = a + size;
	return true;
}

/* BAR i's size: what the device decodes; 0 if it implements none. Decoding is off. */
static uint64_t bar_size(struct io_dev *d, unsigned i, uint32_t lo, bool is64)
{
	unsigned off = PCI_BAR0 + 4 * i;
	uint32_t m, hi, mhi = 0;
	uint64_t m64;

	io_pci_cfg_write(d, off, 4, ~0U);
	m = io_pci_cfg_read(d, off, 4);
	io_pci_cfg_write(d, off, 4, lo);
	if (lo & PCI_BAR_IO) {
		m &= ~3U;
		/* A 16-bit I/O decoder reads the upper half as 0. */
		if (m && !(m & 0xffff0000U))
			m |= 0xffff0000U;
		return m ? (uint32_t)(~m + 1) : 0;
	}
	m &= ~0xfU;
	if (!is64)
		return m ? (uint32_t)(~m + 1) : 0;
	hi = io_pci_cfg_read(d, off + 4, 4);
	io_pci_cfg_write(d, off + 4, 4, ~0U);
	mhi = io_pci_cfg_read(d, off + 4, 4);
	io_pci_cfg_write(d, off + 4, 4, hi);
	m64 = (uint64_t)mhi << 32 | m;
	return m64 ? ~m64 + 1 : 0;
}

static void assign(struct io_dev *d, unsigned i, uint32_t lo, uint64_t size)
{
	struct io_pci_host *h = &io_pci_host;
	struct io_pci_bar *b = &d->pci.bars[i];
	uint64_t align = size < L4_PAGESIZE ? L4_PAGESIZE : size, addr = 0;
	struct io_pci_window *w = NULL;
	unsigned off = PCI_BAR0 + 4 * i;

	if (lo & PCI_BAR_IO) {
		b->flags = L4REC_VBUS_BAR_IO;
		if (h->io.next < PCI_IO_MIN && h->io.pci + h->io.size > PCI_IO_MIN)
			h->io.next = PCI_IO_MIN;
		if (alloc(&h->io, size, align, 0x10000, &addr))
			w = &h->io;
	} else {
		b->flags = (lo & PCI_BAR_MEM_64 ? L4REC_VBUS_BAR_64 : 0) |
			   (lo & PCI_BAR_MEM_PREFETCH ? L4REC_VBUS_BAR_PREFETCH : 0);
		if (alloc(&h->mem32, size, align, PCI_4G, &addr))
			w = &h->mem32;
		else if ((lo & PCI_BAR_MEM_64) && alloc(&h->mem64, size, align, ~0ULL, &addr))
			w = &h->mem64;
	}
	if (!w) {
		printf("io: %s: no room for BAR%u (%#llx bytes): left unassigned\n", d->name, i,
		       (unsigned long long)size);
		b->flags = 0;
		return;
	}
	io_pci_cfg_write(d, off, 4, (uint32_t)addr);
	if (lo & PCI_BAR_MEM_64)
		io_pci_cfg_write(d, off + 4, 4, (uint32_t)(addr >> 32));
	*b = (struct io_pci_bar){ .flags = b->flags,
				  .bus_addr = addr,
				  .size = size,
				  .cpu_addr = w->cpu + (addr - w->pci) };
	d->regs[i] = (struct io_reg){ .phys = b->cpu_addr, .size = size };
}

static void bars(struct io_dev *d)
{
	for (unsigned i = 0; i < IO_MAX_REGS; i++) {
		uint32_t lo = io_pci_cfg_read(d, PCI_BAR0 + 4 * i, 4);
		bool is64 = !(lo & PCI_BAR_IO) && (lo & 6) == PCI_BAR_MEM_64 && i + 1 < IO_MAX_REGS;
		uint64_t size = bar_size(d, i, lo, is64);

		if (size)
			assign(d, i, lo, size);
		if (is64)
			i++; /* its upper half: an empty region */
	}
}

static void describe(const struct io_dev *d)
{
	static const char *const kinds[] = { "mem", "io", "mem64", "io" };
	char line[256];
	int n;

	n = snprintf(line, sizeof(line), "io: %s %04x:%04x class %06x", d->name, d->pci.vendor,
		     d->pci.device, d->pci.class_rev >> 8);
	for (unsigned i = 0; i < IO_MAX_REGS && n < (int)sizeof(line); i++) {
		const struct io_pci_bar *b = &d->pci.bars[i];

		if (b->size)
			n += snprintf(line + n, sizeof(line) - (size_t)n, " bar%u %s%s %#llx+%#llx",
				      i, kinds[b->flags & 3],
				      b->flags & L4REC_VBUS_BAR_PREFETCH ? "-pref" : "",
				      (unsigned long long)b->bus_addr, (unsigned long long)b->size);
	}
	if (n < (int)sizeof(line) && d->nr_irqs)
		snprintf(line + n, sizeof(line) - (size_t)n, " irq %u", d->irqs[0].intid);
	else if (n < (int)sizeof(line) && d->pci.pin)
		snprintf(line + n, sizeof(line) - (size_t)n, " INT%c unrouted",
			 'A' + d->pci.pin - 1);
	printf("%s\n", line);
}

/* Function devfn on the root bus: made a device; false if there is none. */
static bool probe(unsigned devfn, uint8_t *hdr)
{
	struct io_pci_host *h = &io_pci_host;
	struct io_dev *d = &io_devs[io_nr_devs];
	struct io_dev probe = { .node = -1 };
	uint16_t cmd;

	probe.pci.cfg = h->ecam + ((unsigned long)devfn << 12);
	if (io_pci_cfg_read(&probe, PCI_VENDOR, 2) == 0xffff)
		return false;
	*hdr = (uint8_t)io_pci_cfg_read(&probe, PCI_HEADER_TYPE, 1);
	snprintf(probe.name, sizeof(probe.name), "pci:%02x:%02x.%u", h->bus, devfn >> 3, devfn & 7);
	if ((*hdr & 0x7f) != 0) {
		printf("io: %s %04x:%04x: header type %u (bridge): not supported, left alone\n",
		       probe.name, io_pci_cfg_read(&probe, PCI_VENDOR, 2),
		       io_pci_cfg_read(&probe, PCI_VENDOR + 2, 2), (unsigned)(*hdr & 0x7f));
		return true;
	}
	if (io_nr_devs >= IO_MAX_DEVS) {
		printf("io: %s: device table full, left alone\n", probe.name);
		return true;
	}
	*d = probe;
	d->virtio_id = 0;
	d->pci.bus = (uint8_t)h->bus;
	d->pci.devfn = (uint8_t)devfn;
	d->pci.vendor = (uint16_t)io_pci_cfg_read(d, PCI_VENDOR, 2);
	d->pci.device = (uint16_t)io_pci_cfg_read(d, PCI_VENDOR + 2, 2);
	d->pci.class_rev = io_pci_cfg_read(d, PCI_CLASS_REV, 4);
	d->pci.subsys_vendor = (uint16_t)io_pci_cfg_read(d, PCI_SUBSYS, 2);
	d->pci.subsys_device = (uint16_t)io_pci_cfg_read(d, PCI_SUBSYS + 2, 2);
	d->pci.pin = (uint8_t)io_pci_cfg_read(d, PCI_INT_PIN, 1);
	if (d->pci.pin > 4)
		d->pci.pin = 0;
	/* Decoding off while BARs are sized and moved; the driver turns it on. */
	cmd = (uint16_t)io_pci_cfg_read(d, PCI_COMMAND, 2);
	io_pci_cfg_write(d, PCI_COMMAND, 2, cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEM));
	d->nr_regs = IO_MAX_REGS;
	bars(d);
	if (d->pci.pin && io_pci_intx(devfn, d->pci.pin, &d->irqs[0]))
		d->nr_irqs = 1;
	io_nr_devs++;
	describe(d);
	return true;
}

void io_pci_scan(void)
{
	unsigned before = io_nr_devs;
	int err = io_pci_host_init();

	if (err == -L4_ENOENT)
		return;
	if (err < 0) {
		printf("io: PCI host bridge unusable (%d): no PCI devices\n", err);
		return;
	}
	for (unsigned slot = 0; slot < 32; slot++) {
		uint8_t hdr = 0;

		if (!probe(slot << 3, &hdr) || !(hdr & 0x80))
			continue;
		for (unsigned fn = 1; fn < 8; fn++)
			probe(slot << 3 | fn, &hdr);
	}
	printf("io: %u PCI function%s on bus %02x\n", io_nr_devs - before,
	       io_nr_devs - before == 1 ? "" : "s", io_pci_host.bus);
}
