/* SPDX-License-Identifier: MIT */
/*
 * bootstrap's internal interfaces: console output, the FDT memory reader,
 * the ELF loader, cache maintenance and the hand-over to the kernel.
 */
#ifndef BOOTSTRAP_H
#define BOOTSTRAP_H

#include <stddef.h>
#include <stdint.h>

/* uart.c: PL011 output and a tiny formatter: %s, %u (unsigned), %x (uint64_t, 0x-prefixed). */
void bs_putc(char c);
void bs_printf(const char *fmt, ...);
_Noreturn void bs_fatal(const char *fmt, ...);
_Noreturn void bs_halt(int code);

/* fdt.c: the first RAM bank of the /memory node. 0 on success. */
struct bs_ram {
	uint64_t base, size;
};
int bs_fdt_valid(const void *fdt);
int bs_fdt_memory(const void *fdt, struct bs_ram *ram);

/* load.c: physical ranges already in use, and the ELF loader. */
#define BS_MAX_RANGES 64
struct bs_range {
	uint64_t start, end; /* [start, end) */
	const char *what;
};
struct bs_ranges {
	unsigned n;
	struct bs_range r[BS_MAX_RANGES];
	uint64_t ram_lo, ram_hi;
};
void bs_range_add(struct bs_ranges *rs, uint64_t start, uint64_t end, const char *what);

struct bs_loaded {
	uint64_t entry;	   /* e_entry */
	uint64_t entry_pa; /* e_entry translated through its PT_LOAD */
	uint64_t lo, hi;   /* physical extent of the segments */
};
void bs_elf_load(const unsigned char *img, uint64_t size, const char *what, struct bs_ranges *rs,
		 struct bs_loaded *out);

/* mem.c */
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
size_t strlen(const char *s);

/* cache.c: make what bootstrap wrote visible to the kernel with caches on. */
void bs_dcache_clean(uint64_t start, uint64_t end);
void bs_icache_invalidate(void);

/* start.S */
_Noreturn void bootstrap_enter_kernel(uint64_t entry_pa, uint64_t bootinfo_pa);
void bootstrap_main(void);
void bootstrap_trap(uint64_t vec, uint64_t esr, uint64_t elr, uint64_t far);

#endif /* BOOTSTRAP_H */
