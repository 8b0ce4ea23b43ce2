// SPDX-License-Identifier: MIT
/*
 * Naming devices, in io's configuration and in vbus FIND requests:
 *
 *   virtio_mmio@a003e00      the node name (with its unit address)
 *   compatible=arm,pl031     devices whose "compatible" list holds the string
 *   virtio=blk  virtio=2     virtio-mmio transports whose DeviceID register
 *                            says so (names: net blk console rng 9p gpu input
 *                            vsock), read from the device itself
 *
 * "#n" after a compatible= or virtio= match picks the n-th (from 0) such
 * device in device-tree order.  The search runs over a set of device
 * indices (a bus's devices) or over all devices.
 */
#include "io.h"

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

static bool matches(int dev, const char *key, const char *val, int vid)
{
	if (!key)
		return !strcmp(io_devs[dev].name, val);
	if (!strcmp(key, "compatible"))
		return !fdt_node_check_compatible(io_fdt, io_devs[dev].node, val);
	return io_virtio_id(dev) == vid;
}

int io_match(const char *spec, const int *set, unsigned nset, char *err)
{
	char buf[IO_ERR_MAX], *key = NULL, *val = buf, *hash;
	long want = 0;
	int vid = 0;

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
		if (strcmp(key, "compatible") && strcmp(key, "virtio")) {
			snprintf(err, IO_ERR_MAX, "unknown match '%.60s=' (compatible= or virtio=)",
				 key);
			return -L4_EINVAL;
		}
		if (!strcmp(key, "virtio") && (vid = virtio_id_of(val)) < 0) {
			snprintf(err, IO_ERR_MAX, "unknown virtio device type '%.60s'", val);
			return -L4_EINVAL;
		}
	} else if (!strchr(buf, '@')) {
		snprintf(err, IO_ERR_MAX,
			 "bad device name '%.60s' (name@unit, compatible=..., virtio=...)", spec);
		return -L4_EINVAL;
	}
	for (unsigned i = 0; i < (set ? nset : io_nr_devs); i++) {
		int dev = set ? set[i] : (int)i;

		if (matches(dev, key, val, vid) && want-- == 0)
			return set ? (int)i : dev;
	}
	snprintf(err, IO_ERR_MAX, "no device '%.60s'", spec);
	return -L4_ENODEV;
}
