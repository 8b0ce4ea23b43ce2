/* SPDX-License-Identifier: MIT */
/*
 * Host (unit test) hooks of the virtio library: C11 fences stand in for the
 * device barriers, since the fake device of the unit tests is ordinary code
 * in the same process; registers are plain volatile accesses.
 */
#ifndef VIRTIO_ARCH_H
#define VIRTIO_ARCH_H

#include <stdint.h>

static inline void virtio_wmb(void)
{
	__atomic_thread_fence(__ATOMIC_RELEASE);
}

static inline void virtio_rmb(void)
{
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
}

static inline void virtio_mb(void)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

static inline uint32_t virtio_reg_read32(volatile void *addr)
{
	return *(volatile uint32_t *)addr;
}

static inline void virtio_reg_write32(volatile void *addr, uint32_t v)
{
	*(volatile uint32_t *)addr = v;
}

static inline uint8_t virtio_reg_read8(volatile void *addr)
{
	return *(volatile uint8_t *)addr;
}

static inline void virtio_reg_write8(volatile void *addr, uint8_t v)
{
	*(volatile uint8_t *)addr = v;
}

#endif /* VIRTIO_ARCH_H */
