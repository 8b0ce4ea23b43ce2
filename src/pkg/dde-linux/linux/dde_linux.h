/* SPDX-License-Identifier: MIT */
/*
 * Internal to the Linux half of dde-linux (compiled with the driver's
 * kbuild flags): what its files share.
 */
#ifndef DDE_LINUX_INTERNAL_H
#define DDE_LINUX_INTERNAL_H

#include <linux/device.h>

#include <dde/l4.h>

/* devres.c: releases every devres of dev, newest first (unbind, failed probe). */
void dde_devres_release_all(struct device *dev);

/* device.c: the fields of a struct device the rest of dde-linux relies on. */
void dde_device_init(struct device *dev, const char *name);

/* device.c: a device got (+1) or lost (-1) its driver; devices bound now. */
void dde_device_bound(int delta);
int dde_linux_bound_devices(void);

/* time.c: starts the tick thread (jiffies, timers); 0 or negative L4_E*. */
int dde_linux_start_timers(void);

/*
 * time.c: sleeps until a wake-up after the last dde_l4_wait_prepare() or
 * timeout jiffies (MAX_SCHEDULE_TIMEOUT: no limit); the jiffies left.
 */
long dde_sleep_timeout(long timeout);

/* block.c: hardware context i of a disk's queue (NULL past the last), their number,
 * and the disk the server serves (the first one added; NULL: none yet). */
struct blk_mq_hw_ctx *dde_blk_hctx(struct request_queue *q, unsigned i);
unsigned dde_blk_nr_hctx(struct request_queue *q);
struct gendisk *dde_blk_served_disk(void);

/* vbus_dev.c: "virtio_mmio@a003e00" -> "a003e00.virtio_mmio" (kmalloc'ed), as Linux
 * names device-tree devices; and the regions (mapped) and interrupts of vbus device
 * index as up to max resources named name: their number, or negative. */
char *dde_vbus_dt_name(const char *node);
int dde_vbus_resources(int index, const struct dde_vbus_dev *vd, const char *name,
		       struct resource *res, unsigned max);

/* Linux errno -> the L4_E* code of the same number (L4Re's are errno's). */
int dde_l4_err(int linux_err);

#endif
