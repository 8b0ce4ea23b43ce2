/* SPDX-License-Identifier: MIT */
/*
 * AArch64 hooks of the virtio library: the barriers the virtio spec asks
 * for between the driver's and the device's view of shared memory, and
 * 32-bit register accessors for virtio-mmio.
 *
 * The barriers are outer-shareable (osh) because the other party is a
 * device, not another CPU of the inner-shareable domain: a DMA master on
 * real hardware may sit outside it.  (Under QEMU any barrier would do.)
 * Register accessors are single ldr/str instructions through inline asm so
 * the compiler can neither merge, split nor use write-back addressing on
 * them (which trap unhelpfully under virtualisation).
 */
#ifndef VIRTIO_ARCH_H
#define VIRTIO_ARCH_H

#include <stdint.h>

/* Order earlier stores to shared memory before later stores. */
static inline void virtio_wmb(void)
{
	__asm__ volatile("dmb oshst" ::: "memory");
}

/* Order earlier loads from shared memory before later loads. */
static inline void virtio_rmb(void)
{
	__asm__ volatile("dmb oshld" ::: "memory");
}

/* Order everything before against everything after, stores before loads too. */
static inline void virtio_mb(void)
{
	__asm__ volatile("dmb osh" ::: "memory");
}

static inline uint32_t virtio_reg_read32(volatile void *addr)
{
	uint32_t v;

	__asm__ volatile("ldr %w0, [%1]" : "=r"(v) : "r"(addr) : "memory");
	return v;
}

static inline void virtio_reg_write32(volatile void *addr, uint32_t v)
{
	__asm__ volatile("str %w0, [%1]" ::"rZ"(v), "r"(addr) : "memory");
}

static inline uint8_t virtio_reg_read8(volatile void *addr)
{
	uint32_t v;

	__asm__ volatile("ldrb %w0, [%1]" : "=r"(v) : "r"(addr) : "memory");
	return (uint8_t)v;
}

static inline void virtio_reg_write8(volatile void *addr, uint8_t v)
{
	__asm__ volatile("strb %w0, [%1]" ::"rZ"(v), "r"(addr) : "memory");
}

#endif /* VIRTIO_ARCH_H */
