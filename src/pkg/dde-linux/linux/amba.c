// SPDX-License-Identifier: MIT
/*
 * The AMBA bus of drivers/amba/bus.c for the devices the server was
 * configured with (dde_linux_add_amba_device(), "--amba" on its command
 * line) or, without those, the "arm,primecell" devices io put on its
 * virtual bus (capability "vbus").  As in Linux, a device's
 * peripheral and component IDs are read from the last 32 bytes of its
 * register window; the bus matches them against a driver's id_table,
 * and the driver core (bus.c) binds.  Names
 * follow the device-tree style, "9010000.pl031".
 */
#include <linux/amba/bus.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/slab.h>

#include "dde_linux.h"

#define MAX_AMBA 8

struct dde_amba {
	struct amba_device adev;
	bool regions_busy;
};

static struct dde_amba *devices[MAX_AMBA];
static unsigned nr_devices;

int dde_linux_add_amba_device(const struct dde_amba_dev_cfg *cfg)
{
	struct dde_amba *d;
	char name[64];

	if (nr_devices == MAX_AMBA)
		return -ENOMEM;
	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	snprintf(name, sizeof(name), "%lx.%s", cfg->base, cfg->name);
	device_initialize(&d->adev.dev);
	dev_set_name(&d->adev.dev, "%s", name);
	d->adev.dev.bus = &amba_bustype;
	d->adev.dev.coherent_dma_mask = DMA_BIT_MASK(32);
	d->adev.dev.dma_mask = &d->adev.dev.coherent_dma_mask;
	d->adev.res.name = d->adev.dev.kobj.name;
	d->adev.res.start = cfg->base;
	d->adev.res.end = cfg->base + cfg->size - 1;
	d->adev.res.flags = IORESOURCE_MEM;
	d->adev.irq[0] = cfg->irq;
	devices[nr_devices++] = d;
	return device_add(&d->adev.dev);
}

/* One primecell of the vbus: its first register region and interrupt. */
static int add_vbus_device(int index)
{
	struct dde_amba_dev_cfg cfg = { 0 };
	struct resource res[4];
	struct dde_vbus_dev vd;
	int i, n = dde_l4_vbus_device(index, &vd);
	char *at;

	if (n >= 0)
		n = dde_vbus_resources(index, &vd, NULL, res, ARRAY_SIZE(res));
	if (n < 0) {
		pr_err("dde: AMBA device %d of the vbus: error %d\n", index, n);
		return n;
	}
	for (i = n - 1; i >= 0; i--) { /* backwards: the first of each kind stays */
		if (resource_type(&res[i]) == IORESOURCE_MEM) {
			cfg.base = res[i].start;
			cfg.size = resource_size(&res[i]);
		} else if (resource_type(&res[i]) == IORESOURCE_IRQ) {
			cfg.irq = res[i].start;
		}
	}
	at = strchr(vd.name, '@');
	if (at)
		*at = '\0'; /* "pl031@9010000" -> "9010000.pl031" as the device's name */
	cfg.name = vd.name;
	return cfg.size ? dde_linux_add_amba_device(&cfg) : -ENODEV;
}

static void add_vbus_devices(void)
{
	static bool done;
	char match[48];
	int n, index;

	if (done || nr_devices)
		return; /* configured on the command line */
	done = true;
	for (n = 0;; n++) {
		snprintf(match, sizeof(match), "compatible=arm,primecell#%d", n);
		index = dde_l4_vbus_find(match);
		if (index < 0 || add_vbus_device(index) < 0)
			break;
	}
}

/* Peripheral ID from the registers; -ENODEV if the component ID is wrong. */
static int read_periphid(struct amba_device *dev)
{
	resource_size_t size = resource_size(&dev->res);
	void __iomem *regs = ioremap(dev->res.start, size);
	u32 pid = 0, cid = 0;
	int i;

	if (!regs)
		return -ENOMEM;
	for (i = 0; i < 4; i++) {
		pid |= (readl(regs + size - 0x20 + 4 * i) & 255) << (i * 8);
		cid |= (readl(regs + size - 0x10 + 4 * i) & 255) << (i * 8);
	}
	iounmap(regs);
	if (cid != AMBA_CID && cid != CORESIGHT_CID) {
		dev_err(&dev->dev, "component ID %#x is no AMBA device\n", cid);
		return -ENODEV;
	}
	dev->periphid = pid;
	dev->cid = cid;
	return 0;
}

static const struct amba_id *amba_lookup(const struct amba_id *table, struct amba_device *dev)
{
	for (; table->mask; table++) {
		if ((table->id & table->mask) == (dev->periphid & table->mask))
			return table;
	}
	return NULL;
}

#define to_amba_driver(d) container_of(d, struct amba_driver, drv)

/* The bus's match: the driver's id_table against the IDs in the registers. */
static int amba_match(struct device *dev, struct device_driver *drv)
{
	struct amba_device *adev = to_amba_device(dev);

	if (!adev->periphid && read_periphid(adev))
		return 0;
	return amba_lookup(to_amba_driver(drv)->id_table, adev) != NULL;
}

static int amba_probe(struct device *dev)
{
	struct amba_device *adev = to_amba_device(dev);
	struct amba_driver *drv = to_amba_driver(dev->driver);
	int ret = drv->probe(adev, amba_lookup(drv->id_table, adev));

	if (!ret)
		dev_info(dev, "periphid %#x\n", adev->periphid);
	return ret;
}

static void amba_remove(struct device *dev)
{
	struct amba_driver *drv = to_amba_driver(dev->driver);

	if (drv->remove)
		drv->remove(to_amba_device(dev));
}

struct bus_type amba_bustype = {
	.name = "amba",
	.match = amba_match,
	.probe = amba_probe,
	.remove = amba_remove,
};

int amba_driver_register(struct amba_driver *drv)
{
	if (!drv->probe)
		return -EINVAL;
	add_vbus_devices();
	drv->drv.bus = &amba_bustype;
	return driver_register(&drv->drv);
}

void amba_driver_unregister(struct amba_driver *drv)
{
	driver_unregister(&drv->drv);
}

int amba_request_regions(struct amba_device *dev, const char *name)
{
	struct dde_amba *d = container_of(dev, struct dde_amba, adev);

	if (d->regions_busy)
		return -EBUSY;
	d->regions_busy = true;
	return 0;
}

void amba_release_regions(struct amba_device *dev)
{
	container_of(dev, struct dde_amba, adev)->regions_busy = false;
}
