// SPDX-License-Identifier: MIT
/*
 * Physical memory book-keeping of sigma0: two bitmaps over the RAM window
 * (lowest to highest RAM address of the bootinfo), one bit per 4 KiB page.
 * "free" marks RAM nobody has; "boot" marks the boot image and modules,
 * which the root task maps 1:1 (any number of times) but which are never
 * handed out as free memory.  Pages in neither set are RAM the kernel keeps
 * or that a client already got.
 */
#include "sigma0.h"

#include "bootinfo.h"

#include <l4/sys/consts.h>
#include <l4/sys/err.h>
#include <l4/sys/kip.h>
#include <l4/util/printf.h>
#include <l4/util/string.h>

/* Up to 4 GiB of RAM: 128 KiB of bitmaps, well inside sigma0's 4 MiB. */
#define S0_MAX_PAGES (1UL << 20)
#define WORD_BITS 64

static uint64_t free_map[S0_MAX_PAGES / WORD_BITS];
static uint64_t boot_map[S0_MAX_PAGES / WORD_BITS];
static uint64_t ram_lo, ram_hi; /* window covered by the bitmaps */
/* Firmware data in RAM (the DTB): readable by anyone who asks, never free. */
static struct {
	uint64_t start, end;
} fw[BOOTINFO_MAX_REGIONS];
static unsigned nr_fw;
static uint64_t ram_bytes;

/*
 * (L4ReC) KIP fields through which the kernel tells sigma0 which RAM it
 * kept for its own pool (docs/abi.md §11); 0/0 when the kernel carves the
 * pool out of a KERNEL bootinfo region instead.
 */
#define KIP_KMEM_START 0x310
#define KIP_KMEM_END 0x318

static uint64_t kip_word(unsigned off)
{
	return *(const volatile uint64_t *)((uintptr_t)l4_kip() + off);
}

static bool in_window(uint64_t pa)
{
	return pa >= ram_lo && pa < ram_hi;
}

static uint64_t page_idx(uint64_t pa)
{
	return (pa - ram_lo) >> L4_PAGESHIFT;
}

static bool test(const uint64_t *map, uint64_t i)
{
	return map[i / WORD_BITS] >> (i % WORD_BITS) & 1;
}

static void set(uint64_t *map, uint64_t i, bool v)
{
	if (v)
		map[i / WORD_BITS] |= 1ULL << (i % WORD_BITS);
	else
		map[i / WORD_BITS] &= ~(1ULL << (i % WORD_BITS));
}

/* Applies v to every page of [start, end) inside the window. */
static void mark(uint64_t *map, uint64_t start, uint64_t end, bool v)
{
	start &= L4_PAGEMASK;
	end = l4_round_page(end);
	if (start < ram_lo)
		start = ram_lo;
	if (end > ram_hi)
		end = ram_hi;
	for (uint64_t pa = start; pa < end; pa += L4_PAGESIZE)
		set(map, page_idx(pa), v);
}

int s0_mem_init(const struct bootinfo *bi)
{
	const struct bootinfo_region *r;
	uint32_t i;

	if (bi->magic != BOOTINFO_MAGIC)
		return -L4_EINVAL;
	ram_lo = ~0ULL;
	for (i = 0; i < bi->nr_regions && i < BOOTINFO_MAX_REGIONS; i++) {
		r = &bi->regions[i];
		if (r->type != BOOTINFO_RAM)
			continue;
		if (r->start < ram_lo)
			ram_lo = r->start;
		if (r->start + r->size > ram_hi)
			ram_hi = r->start + r->size;
	}
	if (ram_lo >= ram_hi)
		return -L4_ENOMEM;
	if (((ram_hi - ram_lo) >> L4_PAGESHIFT) > S0_MAX_PAGES) {
		printf("sigma0: RAM window too large, using the first %lu MiB\n",
		       (S0_MAX_PAGES << L4_PAGESHIFT) >> 20);
		ram_hi = ram_lo + (S0_MAX_PAGES << L4_PAGESHIFT);
	}

	/* RAM first, then punch out everything that is not free. */
	for (i = 0; i < bi->nr_regions && i < BOOTINFO_MAX_REGIONS; i++) {
		r = &bi->regions[i];
		if (r->type == BOOTINFO_RAM) {
			mark(free_map, r->start, r->start + r->size, true);
			ram_bytes += r->size;
		}
	}
	for (i = 0; i < bi->nr_regions && i < BOOTINFO_MAX_REGIONS; i++) {
		r = &bi->regions[i];
		if (r->type == BOOTINFO_RAM)
			continue;
		mark(free_map, r->start, r->start + r->size, false);
		if (r->type == BOOTINFO_RESERVED && nr_fw < BOOTINFO_MAX_REGIONS) {
			fw[nr_fw].start = r->start;
			fw[nr_fw++].end = r->start + r->size;
		}
		if (r->type == BOOTINFO_BOOT)
			mark(boot_map, r->start, r->start + r->size, true);
	}
	mark(free_map, bi->kernel_start, bi->kernel_end, false);
	if (kip_word(KIP_KMEM_END) > kip_word(KIP_KMEM_START))
		mark(free_map, kip_word(KIP_KMEM_START), kip_word(KIP_KMEM_END), false);
	return 0;
}

enum s0_page_kind s0_mem_kind(uint64_t pa)
{
	uint64_t i;

	if (!in_window(pa))
		return S0_NOT_RAM;
	i = page_idx(pa);
	if (test(free_map, i))
		return S0_FREE;
	if (test(boot_map, i))
		return S0_BOOT;
	return S0_TAKEN;
}

bool s0_mem_take_range(uint64_t pa, uint64_t size)
{
	uint64_t end = pa + size;

	if (end < pa || pa < ram_lo || end > ram_hi)
		return false;
	for (uint64_t a = pa; a < end; a += L4_PAGESIZE) {
		enum s0_page_kind k = s0_mem_kind(a);

		if (k != S0_FREE && k != S0_BOOT)
			return false;
	}
	mark(free_map, pa, end, false);
	return true;
}

bool s0_mem_take_any(unsigned order, uint64_t *pa)
{
	uint64_t size = 1ULL << order;
	uint64_t first = (ram_lo + size - 1) & ~(size - 1);

	for (uint64_t a = first; a + size <= ram_hi && a + size > a; a += size) {
		uint64_t p;

		for (p = a; p < a + size; p += L4_PAGESIZE) {
			if (s0_mem_kind(p) != S0_FREE)
				break;
		}
		if (p == a + size) {
			mark(free_map, a, a + size, false);
			*pa = a;
			return true;
		}
	}
	return false;
}

bool s0_mem_is_firmware_range(uint64_t pa, uint64_t size)
{
	for (unsigned i = 0; i < nr_fw; i++)
		if (pa >= fw[i].start && pa + size <= fw[i].end && pa + size > pa)
			return true;
	return false;
}

bool s0_mem_is_device_range(uint64_t pa, uint64_t size)
{
	uint64_t end = pa + size;

	if (end < pa)
		return false;
	return end <= ram_lo || pa >= ram_hi;
}

void s0_mem_stats(uint64_t *ram, uint64_t *free_bytes)
{
	uint64_t n = 0;

	for (uint64_t i = 0; i < (ram_hi - ram_lo) >> L4_PAGESHIFT; i++)
		n += test(free_map, i);
	*ram = ram_bytes;
	*free_bytes = n << L4_PAGESHIFT;
}
