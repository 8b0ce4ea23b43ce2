// SPDX-License-Identifier: MIT
/*
 * Variables of the arm64 kernel and of Xen and virtio glue that Linux
 * headers read inline, with the values that are right for a driver
 * server:
 *
 * - memstart_addr, kimage_voffset: the linear map's and the kernel
 *   image's offsets, used by __pa()/virt_to_phys().  A server's
 *   addresses are not in either, so no physical address may be computed
 *   that way; device addresses come from the DMA API (dma.c), which asks
 *   the region map.  Zero makes a stray virt_to_phys() give the virtual
 *   address back, which a device then fails to reach visibly.
 * - xen_domain_type: Linux's virtio ring (vring_use_dma_api()) uses the
 *   DMA API for devices without VIRTIO_F_ACCESS_PLATFORM only on Xen,
 *   and otherwise hands devices virt_to_phys() addresses.  A driver
 *   server is in the Xen guest's position — its addresses are not bus
 *   addresses — so it answers "Xen": every virtio buffer goes through
 *   the DMA API.  Nothing else of Xen is there (no hypercalls, no grant
 *   tables); among the Linux code dde-linux builds, only virtio_ring
 *   reads it.
 * - virtio_check_mem_acc_cb: the platform does not restrict virtio
 *   devices' memory access (Linux's default for non-confidential guests).
 * - nr_cpu_ids: one CPU (server code runs on one thread at a time).
 */
#include <linux/cpumask.h>
#include <linux/virtio_anchor.h>
#include <xen/xen.h>

#include <asm/memory.h>

s64 memstart_addr;
u64 kimage_voffset;
unsigned int nr_cpu_ids = 1;
enum xen_domain_type xen_domain_type = XEN_HVM_DOMAIN;

static bool no_restricted_mem_acc(struct virtio_device *dev)
{
	return false;
}

bool (*virtio_check_mem_acc_cb)(struct virtio_device *dev) = no_restricted_mem_acc;
