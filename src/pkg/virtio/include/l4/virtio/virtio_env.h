/* SPDX-License-Identifier: MIT */
/*
 * What the virtio library needs from whatever hosts it: the one interface
 * a root-task test, io and fs_server implement.  The library never calls
 * the kernel or a C library itself; everything below goes through a
 * struct virtio_env the host fills in and keeps alive while devices use it.
 *
 * Contract of each operation (ctx is the host's own pointer, passed back):
 *
 *   mmio_map     map the device registers at physical [phys, phys + size)
 *                uncached (Device-nGnRE on Arm) and return their address.
 *                phys and size are page aligned.  0 or a negative L4_E*.
 *                With sigma0: l4sigma0_map_iomem(); later io's iomem
 *                dataspace attached with l4re_rm_attach().
 *   mmio_unmap   undo mmio_map (may be NULL: mappings live forever).
 *   dma_alloc    zeroed, physically contiguous memory of at least size
 *                bytes whose physical address is aligned to align (a power
 *                of two <= 4096), returned as (virt, phys).  It must be
 *                coherent with the device: the rings, request headers and
 *                status bytes live there and are never cache-maintained.
 *                With sigma0: l4sigma0_map_anypage(); later a dataspace
 *                from a DMA-capable memory allocator plus l4re_ds_phys().
 *   dma_free     give it back (may be NULL).
 *   dma_sync     cache maintenance for data buffers the caller hands in
 *                (struct virtio_dma it made itself): FOR_DEVICE before the
 *                device reads or writes them (clean to the point of
 *                coherency), FOR_CPU after the device wrote them
 *                (invalidate).  NULL means the platform is coherent, which
 *                QEMU's virt machine is: its virtio-mmio devices access
 *                guest RAM directly and TCG models no caches.
 *   irq_wait     unmask the device's interrupt and block until it fires
 *                (0) or timeout_us microseconds pass (-VIRTIO_ETIMEDOUT);
 *                other negative values are errors.  With an Irq capability
 *                bound through the ICU this is exactly l4_irq_receive()
 *                (unmask, then closed receive).  The library acknowledges
 *                the interrupt at the device before it waits again, so a
 *                level-triggered line works.  NULL: the library polls.
 *   now_us       a monotonic clock in microseconds (the KIP clock); bounds
 *                polling.  Required when irq_wait is NULL.
 *   relax        called between two polls (may be NULL), e.g. a short
 *                l4_ipc_sleep() or l4_thread_yield().
 */
#ifndef L4_VIRTIO_VIRTIO_ENV_H
#define L4_VIRTIO_VIRTIO_ENV_H

#include <stddef.h>
#include <stdint.h>

/* A piece of memory the device can reach: the CPU's and the device's view. */
struct virtio_dma {
	void *virt;
	uint64_t phys;
	size_t size;
};

enum virtio_dma_sync {
	VIRTIO_DMA_SYNC_FOR_DEVICE,
	VIRTIO_DMA_SYNC_FOR_CPU,
};

struct virtio_env {
	void *ctx;
	int (*mmio_map)(void *ctx, uint64_t phys, size_t size, volatile void **regs);
	void (*mmio_unmap)(void *ctx, volatile void *regs, size_t size);
	int (*dma_alloc)(void *ctx, size_t size, size_t align, struct virtio_dma *out);
	void (*dma_free)(void *ctx, struct virtio_dma *dma);
	void (*dma_sync)(void *ctx, void *virt, size_t size, enum virtio_dma_sync op);
	int (*irq_wait)(void *ctx, uint64_t timeout_us);
	uint64_t (*now_us)(void *ctx);
	void (*relax)(void *ctx);
};

#endif /* L4_VIRTIO_VIRTIO_ENV_H */
