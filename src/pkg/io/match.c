// SPDX-License-Identifier: MIT
/*
 * Naming devices, in io's configuration and in vbus FIND requests:
 *
 *   virtio_mmio@a003e00      the node name (with its unit address)
 *   compatible=arm,pl031     devices whose "compatible" list holds the string
 *   virtio=blk  virtio=2     virtio-mmio transports whose DeviceID register
 *                            says so (names: net blk console rng 9p gpu input
 *                            vsock), read from the device itself
 *   pci:00:02.0              a PCI function by bus:slot.function (hex)
 *   pci=8086:100e            PCI functions with that vendor:device ID (hex)
 *
 * "#n" after a compatible=, virtio= or pci= match picks the n-th (from 0)
 * such device in device-tree order (PCI functions come after the device
 * tree's, in bus order).  The search runs over a set of device
 * indices (a bus's devices) or over all devices.
 */
#include "io.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>

#include <l4/sys/err.h>

#define VIRTIO_MMIO_MAGIC 0x74726976 /* "virt" */

static const struct {
	const char *name;
	int id;
} virtio_names[] = {
	{ "net", 1 }, { "blk", 2 },  { "console", 3 }, { "rng", 4 },
	{ "9p", 9 },  { "gpu", 16 }, { "input", 18 },  { "vsock", 19 },
};

int io_virtio_id(int dev)
{
	struct io_dev *d = &io_devs[dev];
	volatile const uint32_t *regs;

	if (d->virtio_id >= 0)
		return d->virtio_id;
	d->virtio_id = 0;
	if (fdt_node_check_compatible(io_fdt, d->node, "virtio,mmio") || io_iomem_map(dev, 0) < 0)
		return 0;
	regs = (volatile const uint32_t *)(d->regs[0].va + (d->regs[0].phys & 0xfff));
	if (regs[0] == VIRTIO_MMIO_MAGIC)
		d->virtio_id = (int)regs[2];
	return d->virtio_id;
}

static int virtio_id_of(const char *s)
{
	char *end;
	long v;

	for (unsigned i = 0; i < sizeof(virtio_names) / sizeof(virtio_names[0]); i++)
		if (!strcmp(s, virtio_names[i].name))
			return virtio_names[i].id;
	v = strtol(s, &end, 0);
	return *s && !*end && v > 0 && v < 256 ? (int)v : -1;
}

/* "VVVV:DDDD" (hex) as vendor | device << 16; -1 if it is not that. */
static long pci_id_of(const char *s)
{
	char *end;
	unsigned long v, d;

	if (!isxdigit((unsigned char)*s))
		return -1;
	v = strtoul(s, &end, 16);
	if (*end != ':' || end - s > 4 || !isxdigit((unsigned char)end[1]))
		return -1;
	s = end + 1;
	d = strtoul(s, &end, 16);
	if (*end || end - s > 4)
		return -1;
	return (long)(v | d << 16);
}

static bool matches(int dev, const char *key, const char *val, long id)
{
	const struct io_dev *d = &io_devs[dev];

	if (!key)
		return !strcmp(d->name, val);
	if (!strcmp(key, "compatible"))
		return d->node >= 0 && !fdt_node_check_compatible(io_fdt, d->node, val);
	if (!strcmp(key, "pci"))
		return d->pci.cfg && (d->pci.vendor | (long)d->pci.device << 16) == id;
	return io_virtio_id(dev) == id;
}

int io_match(const char *spec, const int *set, unsigned nset, char *err)
{
	char buf[IO_ERR_MAX], *key = NULL, *val = buf, *hash;
	long want = 0, id = 0;

	if (snprintf(buf, sizeof(buf), "%s", spec) >= (int)sizeof(buf) || !*buf) {
		snprintf(err, IO_ERR_MAX, "bad device name '%.60s'", spec);
		return -L4_EINVAL;
	}
	if (strchr(buf, '=')) {
		key = buf;
		val = strchr(buf, '=');
		*val++ = 0;
		hash = strchr(val, '#');
		if (hash) {
			char *end;

			*hash++ = 0;
			want = strtol(hash, &end, 10);
			if (!*hash || *end || want < 0) {
				snprintf(err, IO_ERR_MAX, "bad index in '%.60s'", spec);
				return -L4_EINVAL;
			}
		}
		if (strcmp(key, "compatible") && strcmp(key, "virtio") && strcmp(key, "pci")) {
			snprintf(err, IO_ERR_MAX,
				 "unknown match '%.60s=' (compatible=, virtio= or pci=)", key);
			return -L4_EINVAL;
		}
		if (!strcmp(key, "virtio") && (id = virtio_id_of(val)) < 0) {
			snprintf(err, IO_ERR_MAX, "unknown virtio device type '%.60s'", val);
			return -L4_EINVAL;
		}
		if (!strcmp(key, "pci") && (id = pci_id_of(val)) < 0) {
			snprintf(err, IO_ERR_MAX, "bad PCI ID '%.60s' (vendor:device in hex)", val);
			return -L4_EINVAL;
		}
	} else if (!strchr(buf, '@') && strncmp(buf, "pci:", 4)) {
		snprintf(
			err, IO_ERR_MAX,
			"bad device name '%.40s' (name@unit, pci:BB:DD.F, compatible=, virtio=, pci=)",
			spec);
		return -L4_EINVAL;
	}
	for (unsigned i = 0; i < (set ? nset : io_nr_devs); i++) {
		int dev = set ? set[i] : (int)i;

		if (matches(dev, key, val, id) && want-- == 0)
			return set ? (int)i : dev;
	}
	snprintf(err, IO_ERR_MAX, "no device '%.60s'", spec);
	return -L4_ENODEV;
}
