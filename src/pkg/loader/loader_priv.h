/* SPDX-License-Identifier: MIT */
/*
 * Internal interfaces of libloader: the ELF64 definitions it needs, the
 * image being loaded, and the steps of l4_loader_start().
 */
#ifndef LOADER_PRIV_H
#define LOADER_PRIV_H

#include <l4/loader/loader.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* From whatever C library the user links (l4util, l4re-libc). */
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
size_t strlen(const char *s);

/* System V gABI / AArch64 ELF values. */
struct ldr_ehdr {
	unsigned char e_ident[16];
	uint16_t e_type, e_machine;
	uint32_t e_version;
	uint64_t e_entry, e_phoff, e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};

struct ldr_phdr {
	uint32_t p_type, p_flags;
	uint64_t p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align;
};

_Static_assert(sizeof(struct ldr_ehdr) == 64, "ELF64 header");
_Static_assert(sizeof(struct ldr_phdr) == 56, "ELF64 program header");

#define LDR_ET_EXEC 2
#define LDR_EM_AARCH64 183
#define LDR_PT_LOAD 1
#define LDR_PT_PHDR 6
#define LDR_PF_X 1
#define LDR_PF_W 2
#define LDR_PF_R 4

/* The ELF image as the loader sees it (attached read-only). */
struct ldr_image {
	const unsigned char *data;
	unsigned long size;
	const struct ldr_ehdr *eh;
	const struct ldr_phdr *ph;
	uint64_t phdr_vaddr; /* child address of the program headers, 0 if not loaded */
};

/* Everything l4_loader_start() builds, for unwinding. */
struct ldr_ctx {
	struct l4_loader_ops const *ops;
	struct l4_loader_params const *p;
	struct l4_loader_app *app;
	struct ldr_image img;
};

/* elf.c */
long ldr_elf_check(struct ldr_image *img);

/* segments.c: attach every PT_LOAD segment in the child's region map. */
long ldr_segments_load(struct ldr_ctx *c);

/* stack.c: allocate, fill and attach the initial stack; sets app->sp. */
long ldr_stack_build(struct ldr_ctx *c);

/* start.c: named capabilities the child gets (params->caps, maybe "rom"). */
unsigned ldr_nr_named(const struct l4_loader_params *p);

/* cache.c: make code written through [addr, addr + size) visible to fetches. */
void ldr_sync_icache(void *addr, unsigned long size);

#endif /* LOADER_PRIV_H */
