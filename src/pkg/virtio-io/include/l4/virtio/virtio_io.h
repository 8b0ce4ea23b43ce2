/* SPDX-License-Identifier: MIT */
/*
 * A virtio device reached through io's capabilities (docs/io.md, "What a
 * driver gets"), named by the environment exactly as a service's unit
 * names them:
 *
 *   L4_CAP_VIRTIO_BLK      dataspace of the transport's registers (io)
 *   L4_CAP_VIRTIO_BLK_IRQ  the device's Irq, bound at the ICU by io
 *   L4_CAP_IOMEM           allocator of physically contiguous DMA memory
 *
 * virtio_io_open() finds the capabilities, maps the registers, attaches the
 * Irq to the calling thread and fills in the virtio library's environment.
 * QEMU's virt machine is coherent for virtio-mmio DMA: no cache maintenance.
 */
#ifndef L4_VIRTIO_VIRTIO_IO_H
#define L4_VIRTIO_VIRTIO_IO_H

#include <stdint.h>

#include <l4/sys/types.h>
#include <l4/virtio/virtio_env.h>

struct virtio_io {
	l4_cap_idx_t mmio, irq, iomem;
	struct virtio_env env;	  /* for virtio_blk_init() and friends */
	volatile void *regs;	  /* the transport's registers */
	unsigned long reg_offset; /* their offset in io's dataspace */
};

/*
 * Open the device whose capabilities the environment variables name
 * (mmio_var, irq_var, iomem_var, e.g. "L4_CAP_VIRTIO_BLK"), waiting up to
 * io_wait_us for io to bind its objects.  Interrupts arrive at the calling
 * thread with irq_label.  Problems are printed as "<who>: <what>: <why>".
 * Returns 0 or -L4_E*.
 */
int virtio_io_open(struct virtio_io *v, const char *who, const char *mmio_var, const char *irq_var,
		   const char *iomem_var, l4_umword_t irq_label, uint64_t io_wait_us);

#endif
