/* SPDX-License-Identifier: MIT */
/*
 * sigma0's internal interfaces: the physical page book-keeping (phys_mem.c)
 * and the request handlers (requests.c) that main.c's server loop calls.
 */
#ifndef SIGMA0_SIGMA0_H
#define SIGMA0_SIGMA0_H

#include <stdbool.h>
#include <stdint.h>

#include <l4/sys/types.h>

struct bootinfo;

/* What a physical page is, as far as handing it out goes. */
enum s0_page_kind {
	S0_NOT_RAM, /* outside every RAM region: device space */
	S0_FREE,    /* free RAM: goes to the first client asking */
	S0_TAKEN,   /* RAM handed to a client, or kept by the kernel */
	S0_BOOT,    /* boot image, modules, bootinfo: mappable 1:1, shared */
};

/* Reads RAM and the taken ranges from the bootinfo and the KIP. */
int s0_mem_init(const struct bootinfo *bi);
enum s0_page_kind s0_mem_kind(uint64_t pa);
/*
 * Takes [pa, pa + size) for a client if every page is free RAM or boot
 * memory (boot pages stay shared); all or nothing.
 */
bool s0_mem_take_range(uint64_t pa, uint64_t size);
/* Finds and takes a free, naturally aligned block of 2^order bytes. */
bool s0_mem_take_any(unsigned order, uint64_t *pa);
/* True if the range lies in one firmware region (the DTB): shared, read-only. */
bool s0_mem_is_firmware_range(uint64_t pa, uint64_t size);
/* True if no page of the range is RAM (so it is device space). */
bool s0_mem_is_device_range(uint64_t pa, uint64_t size);
void s0_mem_stats(uint64_t *ram_bytes, uint64_t *free_bytes);

/*
 * Handles one request (tag/label as received, message in the UTCB) and
 * prepares the reply in the UTCB; returns the reply tag.
 */
l4_msgtag_t s0_handle(l4_msgtag_t tag, l4_umword_t label);

#endif /* SIGMA0_SIGMA0_H */
