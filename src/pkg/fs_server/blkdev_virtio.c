// SPDX-License-Identifier: MIT
/*
 * fs_server's disk: the virtio block device, reached only through the
 * capabilities io hands out for it (docs/io.md, "What a driver gets"):
 *
 *   L4_CAP_VIRTIO_BLK      dataspace of the transport's registers (io)
 *   L4_CAP_VIRTIO_BLK_IRQ  the device's Irq, bound at the ICU by io
 *   L4_CAP_IOMEM           allocator of physically contiguous DMA memory
 *
 * The virtio library (src/pkg/virtio) drives the device; this file is its
 * environment (<l4/virtio/virtio_env.h>).  QEMU's virt machine is coherent
 * for virtio-mmio DMA, so there is no cache maintenance.  Requests wait
 * for the interrupt in a closed receive on the Irq: clients calling
 * meanwhile wait in their send phase.
 */
#include <stdio.h>

#include <l4/io/vbus.h>
#include <l4/re/c/dataspace.h>
#include <l4/re/c/mem_alloc.h>
#include <l4/re/c/rm.h>
#include <l4/re/c/util/cap_alloc.h>
#include <l4/re/env.h>
#include <l4/re/env_cap.h>
#include <l4/sys/err.h>
#include <l4/sys/ipc.h>
#include <l4/sys/irq.h>
#include <l4/sys/kip.h>
#include <l4/virtio/virtio_blk.h>

#include "blkdev.h"

/* Label of the Irq; never one of the server's gate labels (server.c). */
#define IRQ_LABEL 0xfff0
/* io binds its gates after reading the device tree: wait that long for it. */
#define IO_WAIT_US 5000000ull

static l4_cap_idx_t iomem, irq;
static struct virtio_blk blk;

static int dma_alloc(void *ctx, size_t size, size_t align, struct virtio_dma *out)
{
	l4_cap_idx_t ds = l4re_util_cap_alloc();
	l4_addr_t phys;
	l4_size_t contig;
	void *va = NULL;

	(void)ctx;
	(void)align; /* dataspaces start on a page: enough for align <= 4096 */
	size = l4_round_page(size);
	if (l4_is_invalid_cap(ds))
		return -L4_ENOMEM;
	if (l4re_ma_alloc_align_srv(iomem, (long)size, ds, L4RE_MA_CONTINUOUS | L4RE_MA_PINNED,
				    L4_PAGESHIFT) < 0)
		goto free_slot;
	if (l4re_rm_attach(&va, size, L4RE_RM_F_SEARCH_ADDR | L4RE_RM_F_RW, ds, 0, L4_PAGESHIFT) <
	    0)
		goto free_ds;
	if (l4re_ds_phys(ds, 0, &phys, &contig) < 0 || contig < size)
		goto detach;
	out->virt = va;
	out->phys = phys;
	out->size = size;
	return 0;

detach:
	l4re_rm_detach(va);
free_ds:
	l4re_ma_free_srv(iomem, ds);
free_slot:
	l4re_util_cap_free_um(ds);
	return -L4_ENOMEM;
}

static int irq_wait(void *ctx, uint64_t timeout_us)
{
	l4_msgtag_t tag;

	(void)ctx;
	tag = l4_irq_receive(irq, l4_timeout(L4_IPC_TIMEOUT_NEVER, l4_timeout_from_us(timeout_us)));
	return l4_msgtag_has_error(tag) ? (int)l4_error(tag) : 0;
}

static uint64_t now_us(void *ctx)
{
	(void)ctx;
	return l4_kip_clock(l4re_kip());
}

static const struct virtio_env env = {
	.dma_alloc = dma_alloc,
	.irq_wait = irq_wait,
	.now_us = now_us,
};

static int vblk_read(struct fs_blkdev *d, uint64_t sector, void *buf, size_t count)
{
	(void)d;
	return virtio_blk_read(&blk, sector, buf, count);
}

static int vblk_write(struct fs_blkdev *d, uint64_t sector, const void *buf, size_t count)
{
	(void)d;
	return virtio_blk_write(&blk, sector, buf, count);
}

static int vblk_flush(struct fs_blkdev *d)
{
	(void)d;
	return virtio_blk_flush(&blk);
}

static l4_cap_idx_t cap_of(const char *var)
{
	l4_cap_idx_t c = l4re_env_get_cap_by_envvar(var);

	if (l4_is_invalid_cap(c))
		printf("fs_server: %s: %s\n", var,
		       l4re_env_cap_error(c) == -L4_ENOENT ? "not set in the environment" :
							     "no such capability");
	return c;
}

/* The register offset in io's dataspace, retrying while io is not up yet. */
static long reg_offset(l4_cap_idx_t mmio)
{
	uint64_t deadline = now_us(NULL) + IO_WAIT_US;
	long r;

	while ((r = l4rec_io_reg_offset(mmio)) == -(L4_EIPC_LO + L4_IPC_ENOT_EXISTENT) &&
	       now_us(NULL) < deadline)
		l4_ipc_sleep(l4_timeout(L4_IPC_TIMEOUT_NEVER, l4_timeout_from_us(10000)));
	return r;
}

int fs_blkdev_virtio_open(struct fs_blkdev *d)
{
	l4_cap_idx_t mmio = cap_of("L4_CAP_VIRTIO_BLK");
	void *va = NULL;
	long offs, err;

	irq = cap_of("L4_CAP_VIRTIO_BLK_IRQ");
	iomem = cap_of("L4_CAP_IOMEM");
	if (l4_is_invalid_cap(mmio) || l4_is_invalid_cap(irq) || l4_is_invalid_cap(iomem))
		return -L4_ENODEV;
	offs = reg_offset(mmio);
	if (offs < 0) {
		printf("fs_server: virtio_blk: not a device dataspace (%ld)\n", offs);
		return -L4_ENODEV;
	}
	err = l4re_rm_attach(&va, l4re_ds_size(mmio), L4RE_RM_F_SEARCH_ADDR | L4RE_RM_F_RW, mmio, 0,
			     L4_PAGESHIFT);
	if (err < 0) {
		printf("fs_server: virtio_blk: cannot map the registers (%ld)\n", err);
		return -L4_ENODEV;
	}
	err = l4_error(l4_irq_attach(irq, IRQ_LABEL, l4re_env()->main_thread));
	if (err < 0) {
		printf("fs_server: virtio_blk_irq: cannot attach (%ld)\n", err);
		return -L4_ENODEV;
	}
	err = virtio_blk_init(&blk, &env, (volatile char *)va + offs);
	if (err < 0) {
		printf("fs_server: virtio_blk: %s (%ld)\n",
		       blk.mmio.why ? blk.mmio.why : "init failed", err);
		return (int)err;
	}
	*d = (struct fs_blkdev){
		.name = "virtio_blk",
		.sectors = virtio_blk_capacity(&blk),
		.read_only = blk.read_only,
		.read = vblk_read,
		.write = vblk_write,
		.flush = vblk_flush,
	};
	return 0;
}
