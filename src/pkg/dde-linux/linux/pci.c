// SPDX-License-Identifier: MIT
/*
 * The PCI bus of drivers/pci for the PCI functions on the server's io
 * virtual bus ("vbus").  io enumerated the host bridge, assigned the BARs
 * and routed INTx (docs/io.md); here each function becomes a struct
 * pci_dev with its IDs, class and BARs as resources, named like Linux
 * ("0000:00:02.0").  The bus matches a driver's id_table against them
 * and the driver core (bus.c) binds; pdev->irq is the GIC line io's IRQ
 * operation hands out (request_irq() then uses io's Irq).  Config space
 * goes through io, which refuses writes to the BARs; BARs are mapped
 * through io's dataspaces (region n = BAR n).  No bridges, no MSI, no
 * power management beyond D0: QEMU virt's functions sit on bus 0 with
 * INTx.
 */
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/pci.h>
#include <linux/slab.h>

#include "dde_linux.h"

#define MAX_PCI 8

struct dde_pci {
	struct pci_dev pdev;
	unsigned vbus_dev; /* index on io's bus */
	bool irq_fetched;
	unsigned long regions_busy; /* BARs taken by pci_request_selected_regions */
	void __iomem *map[PCI_STD_NUM_BARS];
};

static struct dde_pci *devices[MAX_PCI];
static unsigned nr_devices;
static bool scanned;
static struct pci_bus buses[1]; /* bus 0: QEMU virt's only bus */

static struct dde_pci *to_dde(const struct pci_dev *pdev)
{
	return container_of(pdev, struct dde_pci, pdev);
}

/* ---- config space ---- */

static int cfg_read(const struct pci_dev *pdev, int where, unsigned width, u32 *val)
{
	unsigned v;
	int err;

	if (where < 0 || where + width > pdev->cfg_size || (where & (width - 1))) {
		*val = ~0U;
		return PCIBIOS_BAD_REGISTER_NUMBER;
	}
	err = dde_l4_pci_cfg_read(to_dde(pdev)->vbus_dev, where, width, &v);
	if (err < 0) {
		*val = ~0U;
		return PCIBIOS_DEVICE_NOT_FOUND;
	}
	*val = v;
	return PCIBIOS_SUCCESSFUL;
}

static int cfg_write(const struct pci_dev *pdev, int where, unsigned width, u32 val)
{
	int err;

	if (where < 0 || where + width > pdev->cfg_size || (where & (width - 1)))
		return PCIBIOS_BAD_REGISTER_NUMBER;
	err = dde_l4_pci_cfg_write(to_dde(pdev)->vbus_dev, where, width, val);
	if (err == -EPERM)
		return PCIBIOS_SET_FAILED; /* a BAR: io owns the address map */
	return err < 0 ? PCIBIOS_DEVICE_NOT_FOUND : PCIBIOS_SUCCESSFUL;
}

int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val)
{
	u32 v;
	int err = cfg_read(dev, where, 1, &v);

	*val = (u8)v;
	return err;
}

int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val)
{
	u32 v;
	int err = cfg_read(dev, where, 2, &v);

	*val = (u16)v;
	return err;
}

int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val)
{
	return cfg_read(dev, where, 4, val);
}

int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val)
{
	return cfg_write(dev, where, 1, val);
}

int pci_write_config_word(const struct pci_dev *dev, int where, u16 val)
{
	return cfg_write(dev, where, 2, val);
}

int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val)
{
	return cfg_write(dev, where, 4, val);
}

/* The bus/devfn forms (pcie_capability_*, quirks) find the function first. */
static struct pci_dev *find_dev(struct pci_bus *bus, unsigned int devfn)
{
	unsigned i;

	for (i = 0; i < nr_devices; ++i) {
		if (devices[i]->pdev.bus == bus && devices[i]->pdev.devfn == devfn)
			return &devices[i]->pdev;
	}
	return NULL;
}

#define DDE_PCI_BUS_ACCESSORS(size, type, width)                                            \
	int pci_bus_read_config_##size(struct pci_bus *bus, unsigned int devfn, int where,  \
				       type *val)                                           \
	{                                                                                   \
		struct pci_dev *d = find_dev(bus, devfn);                                   \
		u32 v = ~0U;                                                                \
		int err = d ? cfg_read(d, where, width, &v) : PCIBIOS_DEVICE_NOT_FOUND;     \
		*val = (type)v;                                                             \
		return err;                                                                 \
	}                                                                                   \
	int pci_bus_write_config_##size(struct pci_bus *bus, unsigned int devfn, int where, \
					type val)                                           \
	{                                                                                   \
		struct pci_dev *d = find_dev(bus, devfn);                                   \
		return d ? cfg_write(d, where, width, val) : PCIBIOS_DEVICE_NOT_FOUND;      \
	}

DDE_PCI_BUS_ACCESSORS(byte, u8, 1)
DDE_PCI_BUS_ACCESSORS(word, u16, 2)
DDE_PCI_BUS_ACCESSORS(dword, u32, 4)

/* Read-modify-write of the command register. */
static void command_update(struct pci_dev *dev, u16 set, u16 clear)
{
	u16 cmd, new;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	new = (cmd | set) & ~clear;
	if (new != cmd)
		pci_write_config_word(dev, PCI_COMMAND, new);
}

/* ---- the functions on the bus ---- */

static void add_resource(struct dde_pci *d, unsigned bar)
{
	struct resource *r = &d->pdev.resource[bar];
	struct dde_pci_bar b;

	r->name = pci_name(&d->pdev);
	if (dde_l4_pci_bar(d->vbus_dev, bar, &b) < 0 || !b.size)
		return; /* empty, or the upper half of a 64-bit BAR */
	if (b.flags & DDE_PCI_BAR_IO) {
		/* Linux's I/O resources hold port numbers (PCI I/O space). */
		r->start = b.bus_addr;
		r->flags = IORESOURCE_IO;
	} else {
		r->start = b.cpu_addr;
		r->flags = IORESOURCE_MEM;
		if (b.flags & DDE_PCI_BAR_PREFETCH)
			r->flags |= IORESOURCE_PREFETCH;
		if (b.flags & DDE_PCI_BAR_64)
			r->flags |= IORESOURCE_MEM_64;
	}
	r->flags |= IORESOURCE_SIZEALIGN;
	r->end = r->start + b.size - 1;
}

static int add_function(unsigned vbus_dev, const struct dde_pci_info *info)
{
	struct dde_pci *d;
	struct pci_dev *p;
	char name[32];
	u8 hdr = 0;
	unsigned i;

	if (nr_devices == MAX_PCI)
		return -ENOMEM;
	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	d->vbus_dev = vbus_dev;
	p = &d->pdev;
	buses[0].number = 0;
	p->bus = &buses[0];
	p->devfn = info->devfn;
	p->vendor = info->vendor;
	p->device = info->device;
	p->subsystem_vendor = info->subsys_vendor;
	p->subsystem_device = info->subsys_device;
	p->class = info->class_rev >> 8;
	p->revision = info->class_rev & 0xff;
	p->pin = info->pin;
	p->cfg_size = PCI_CFG_SPACE_SIZE;
	p->current_state = PCI_D0; /* QEMU's functions start powered */
	p->dma_mask = DMA_BIT_MASK(32);
	snprintf(name, sizeof(name), "0000:%02x:%02x.%d", info->bus, PCI_SLOT(info->devfn),
		 PCI_FUNC(info->devfn));
	device_initialize(&p->dev);
	dev_set_name(&p->dev, "%s", name);
	p->dev.bus = &pci_bus_type;
	p->dev.dma_mask = &p->dma_mask;
	p->dev.coherent_dma_mask = DMA_BIT_MASK(32);
	if (!pci_read_config_byte(p, PCI_HEADER_TYPE, &hdr))
		p->hdr_type = hdr & 0x7f;
	for (i = 0; i < PCI_STD_NUM_BARS; ++i)
		add_resource(d, i);
	devices[nr_devices++] = d;
	return device_add(&p->dev);
}

/* The PCI functions of the vbus, once (other devices on it are skipped). */
static void scan(void)
{
	struct dde_pci_info info;
	int n, i;

	if (scanned)
		return;
	scanned = true;
	n = dde_l4_vbus_count();
	for (i = 0; i < n; ++i) {
		if (dde_l4_pci_info(i, &info) < 0)
			continue;
		if (add_function(i, &info) < 0)
			pr_err("dde: pci: no memory for vbus device %d\n", i);
	}
}

static const struct pci_device_id *match_id(const struct pci_device_id *id, const struct pci_dev *p)
{
	for (; id->vendor || id->subvendor || id->class_mask; ++id) {
		if ((id->vendor == PCI_ANY_ID || id->vendor == p->vendor) &&
		    (id->device == PCI_ANY_ID || id->device == p->device) &&
		    (id->subvendor == PCI_ANY_ID || id->subvendor == p->subsystem_vendor) &&
		    (id->subdevice == PCI_ANY_ID || id->subdevice == p->subsystem_device) &&
		    !((id->class ^ p->class) & id->class_mask))
			return id;
	}
	return NULL;
}

static int pci_match(struct device *dev, struct device_driver *drv)
{
	const struct pci_device_id *ids = to_pci_driver(drv)->id_table;

	return ids && match_id(ids, to_pci_dev(dev));
}

static int pci_probe(struct device *dev)
{
	struct pci_driver *drv = to_pci_driver(dev->driver);
	struct pci_dev *p = to_pci_dev(dev);
	struct dde_pci *d = to_dde(p);
	unsigned irq;
	int ret;

	/* The INTx line, as io routed it (the driver reads pdev->irq). */
	if (p->pin && !d->irq_fetched) {
		ret = dde_l4_vbus_irq(d->vbus_dev, 0, &irq);
		if (ret < 0) {
			dev_err(dev, "no interrupt from io: error %d\n", ret);
			return ret;
		}
		p->irq = irq;
		d->irq_fetched = true;
	}
	p->driver = drv;
	ret = drv->probe(p, match_id(drv->id_table, p));
	if (ret) {
		p->driver = NULL;
		return ret;
	}
	dev_info(dev, "[%04x:%04x] class %06x, irq %u\n", p->vendor, p->device, p->class, p->irq);
	return 0;
}

static void pci_remove(struct device *dev)
{
	struct pci_dev *p = to_pci_dev(dev);

	if (p->driver->remove)
		p->driver->remove(p);
	p->driver = NULL;
}

struct bus_type pci_bus_type = {
	.name = "pci",
	.match = pci_match,
	.probe = pci_probe,
	.remove = pci_remove,
};

int __pci_register_driver(struct pci_driver *drv, struct module *owner, const char *mod_name)
{
	if (!drv->probe)
		return -EINVAL;
	drv->driver.name = drv->name;
	drv->driver.bus = &pci_bus_type;
	drv->driver.owner = owner;
	drv->driver.mod_name = mod_name;
	scan();
	return driver_register(&drv->driver);
}

void pci_unregister_driver(struct pci_driver *drv)
{
	driver_unregister(&drv->driver);
}

/* ---- enabling ---- */

static int enable_flags(struct pci_dev *dev, unsigned long flags)
{
	u16 set = 0;
	u8 pin = 0;
	int i;

	if (atomic_inc_return(&dev->enable_cnt) > 1)
		return 0; /* already enabled */
	for (i = 0; i < PCI_STD_NUM_BARS; ++i) {
		unsigned long f = pci_resource_flags(dev, i) & flags;

		if (!pci_resource_len(dev, i))
			continue;
		if (f & IORESOURCE_IO)
			set |= PCI_COMMAND_IO;
		if (f & IORESOURCE_MEM)
			set |= PCI_COMMAND_MEMORY;
	}
	command_update(dev, set, 0);
	/* INTx must not be masked when the driver relies on it. */
	pci_read_config_byte(dev, PCI_INTERRUPT_PIN, &pin);
	if (pin)
		command_update(dev, 0, PCI_COMMAND_INTX_DISABLE);
	dev->current_state = PCI_D0;
	return 0;
}

int pci_enable_device(struct pci_dev *dev)
{
	return enable_flags(dev, IORESOURCE_MEM | IORESOURCE_IO);
}

int pci_enable_device_mem(struct pci_dev *dev)
{
	return enable_flags(dev, IORESOURCE_MEM);
}

int pci_enable_device_io(struct pci_dev *dev)
{
	return enable_flags(dev, IORESOURCE_IO);
}

void pci_disable_device(struct pci_dev *dev)
{
	if (atomic_dec_return(&dev->enable_cnt) != 0)
		return;
	/* As Linux: the device stops mastering; decoding stays on. */
	command_update(dev, 0, PCI_COMMAND_MASTER);
	dev->is_busmaster = 0;
}

void pci_set_master(struct pci_dev *dev)
{
	command_update(dev, PCI_COMMAND_MASTER, 0);
	dev->is_busmaster = 1;
}

void pci_clear_master(struct pci_dev *dev)
{
	command_update(dev, 0, PCI_COMMAND_MASTER);
	dev->is_busmaster = 0;
}

/* Memory-write-and-invalidate needs the cache line size (in dwords) set. */
int pci_set_mwi(struct pci_dev *dev)
{
	const u8 line = L1_CACHE_BYTES >> 2;
	u8 cls = 0;

	pci_read_config_byte(dev, PCI_CACHE_LINE_SIZE, &cls);
	if (cls < line || cls % line) {
		pci_write_config_byte(dev, PCI_CACHE_LINE_SIZE, line);
		pci_read_config_byte(dev, PCI_CACHE_LINE_SIZE, &cls);
		if (cls != line)
			return -EINVAL;
	}
	command_update(dev, PCI_COMMAND_INVALIDATE, 0);
	return 0;
}

void pci_clear_mwi(struct pci_dev *dev)
{
	command_update(dev, 0, PCI_COMMAND_INVALIDATE);
}

/* The first 64 bytes of config space, for pci_restore_state(). */
int pci_save_state(struct pci_dev *dev)
{
	int i;

	for (i = 0; i < 16; i++)
		pci_read_config_dword(dev, i * 4, &dev->saved_config_space[i]);
	dev->state_saved = true;
	return 0;
}

void pci_restore_state(struct pci_dev *dev)
{
	int i;

	if (!dev->state_saved)
		return;
	/* Backwards, the command register last; io keeps the BARs itself. */
	for (i = 15; i >= 0; i--) {
		u32 now;

		if ((i >= PCI_BASE_ADDRESS_0 / 4 && i <= PCI_BASE_ADDRESS_5 / 4) ||
		    i == PCI_ROM_ADDRESS / 4)
			continue;
		pci_read_config_dword(dev, i * 4, &now);
		if (now != dev->saved_config_space[i])
			pci_write_config_dword(dev, i * 4, dev->saved_config_space[i]);
	}
	dev->state_saved = false;
}

/* ---- BARs ---- */

int pci_select_bars(struct pci_dev *dev, unsigned long flags)
{
	int i, bars = 0;

	for (i = 0; i < PCI_NUM_RESOURCES; i++)
		if (pci_resource_flags(dev, i) & flags)
			bars |= 1 << i;
	return bars;
}

int pci_request_selected_regions(struct pci_dev *pdev, int bars, const char *res_name)
{
	struct dde_pci *d = to_dde(pdev);
	unsigned long want = 0;
	int i;

	for (i = 0; i < PCI_STD_NUM_BARS; i++)
		if ((bars & (1 << i)) && pci_resource_len(pdev, i))
			want |= 1UL << i;
	if (d->regions_busy & want) {
		dev_warn(&pdev->dev, "BAR regions %#lx already in use\n", d->regions_busy & want);
		return -EBUSY;
	}
	d->regions_busy |= want;
	return 0;
}

int pci_request_selected_regions_exclusive(struct pci_dev *pdev, int bars, const char *res_name)
{
	return pci_request_selected_regions(pdev, bars, res_name);
}

void pci_release_selected_regions(struct pci_dev *pdev, int bars)
{
	to_dde(pdev)->regions_busy &= ~(unsigned long)bars;
}

int pci_request_regions(struct pci_dev *pdev, const char *res_name)
{
	return pci_request_selected_regions(pdev, (1 << PCI_STD_NUM_BARS) - 1, res_name);
}

void pci_release_regions(struct pci_dev *pdev)
{
	pci_release_selected_regions(pdev, (1 << PCI_STD_NUM_BARS) - 1);
}

/* BAR bar through io's dataspace (memory BARs and I/O BARs alike). */
static void __iomem *map_bar(struct pci_dev *pdev, int bar)
{
	struct dde_pci *d = to_dde(pdev);
	unsigned long long phys, size;
	void *virt;
	int err;

	if (bar < 0 || bar >= PCI_STD_NUM_BARS || !pci_resource_len(pdev, bar))
		return NULL;
	if (d->map[bar])
		return d->map[bar];
	err = dde_l4_vbus_mmio_map(d->vbus_dev, bar, &virt, &phys, &size);
	if (err < 0) {
		dev_err(&pdev->dev, "cannot map BAR %d: error %d\n", bar, err);
		return NULL;
	}
	d->map[bar] = (void __iomem *)virt;
	return d->map[bar];
}

void __iomem *pci_ioremap_bar(struct pci_dev *pdev, int bar)
{
	if (bar < 0 || bar >= PCI_STD_NUM_BARS ||
	    !(pci_resource_flags(pdev, bar) & IORESOURCE_MEM)) {
		WARN(1, "pci_ioremap_bar: BAR %d is no memory BAR\n", bar);
		return NULL;
	}
	return map_bar(pdev, bar);
}

void __iomem *pci_iomap_range(struct pci_dev *dev, int bar, unsigned long offset,
			      unsigned long maxlen)
{
	void __iomem *base = map_bar(dev, bar);

	if (!base || offset >= pci_resource_len(dev, bar))
		return NULL;
	return base + offset;
}

void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen)
{
	return pci_iomap_range(dev, bar, 0, maxlen);
}

/* Mappings stay for the life of the server (like io.c's windows). */
void pci_iounmap(struct pci_dev *dev, void __iomem *p)
{
}

/*
 * ---- port I/O (inb/outl ..., CONFIG_INDIRECT_PIO's logic_* functions) ----
 * A port number belongs to the I/O BAR that contains it; io serves an
 * I/O BAR as the matching part of the host bridge's I/O window, so the
 * access becomes MMIO there.  Ports outside every I/O BAR on the bus
 * read as all ones and ignore writes, like an unclaimed port.
 */
static void __iomem *port_addr(unsigned long port, unsigned int width)
{
	unsigned i, bar;

	for (i = 0; i < nr_devices; ++i) {
		struct pci_dev *p = &devices[i]->pdev;

		for (bar = 0; bar < PCI_STD_NUM_BARS; ++bar) {
			struct resource *r = &p->resource[bar];
			void __iomem *base;

			if (!(r->flags & IORESOURCE_IO) || port < r->start ||
			    port + width - 1 > r->end)
				continue;
			base = map_bar(p, bar);
			return base ? base + (port - r->start) : NULL;
		}
	}
	pr_warn_once("dde: pci: I/O port %#lx is in no I/O BAR on the bus\n", port);
	return NULL;
}

#define DDE_PORT_IO(sfx, type, width, rd, wr)               \
	type logic_in##sfx(unsigned long port)              \
	{                                                   \
		void __iomem *a = port_addr(port, width);   \
		return a ? rd(a) : (type)~0U;               \
	}                                                   \
	void logic_out##sfx(type value, unsigned long port) \
	{                                                   \
		void __iomem *a = port_addr(port, width);   \
		if (a)                                      \
			wr(value, a);                       \
	}

DDE_PORT_IO(b, u8, 1, readb, writeb)
DDE_PORT_IO(w, u16, 2, readw, writew)
DDE_PORT_IO(l, u32, 4, readl, writel)
