// SPDX-License-Identifier: MIT
/*
 * ELF checks for mkimage (see elfcheck.h).  Works on a buffer; reads fields
 * with memcpy so that unaligned or truncated input cannot fault.
 */
#include "elfcheck.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "bootstrap/elf64.h"
#include "bootstrap/payload.h"

static int overlaps(const struct elfcheck_seg *a, const struct elfcheck_seg *b)
{
	return a->paddr < b->paddr + b->memsz && b->paddr < a->paddr + a->memsz;
}

int elfcheck(const unsigned char *buf, size_t len, struct elfcheck_info *out, char *err,
	     size_t errsz)
{
	struct elf64_ehdr eh;
	unsigned i;
	int entry_ok = 0;

	memset(out, 0, sizeof(*out));
	if (len < 4 || memcmp(buf, "\177ELF", 4)) {
		snprintf(err, errsz, "not an ELF file");
		return -1;
	}
	if (len < sizeof(eh)) {
		snprintf(err, errsz, "truncated ELF header (%zu bytes)", len);
		return -1;
	}
	memcpy(&eh, buf, sizeof(eh));
	if (eh.e_ident[ELF64_EI_CLASS] != ELF64_CLASS64) {
		snprintf(err, errsz, "not ELF64 (class %u)", eh.e_ident[ELF64_EI_CLASS]);
		return -1;
	}
	if (eh.e_ident[ELF64_EI_DATA] != ELF64_DATA_LSB) {
		snprintf(err, errsz, "not little-endian");
		return -1;
	}
	if (eh.e_machine != ELF64_EM_AARCH64) {
		snprintf(err, errsz, "not AArch64 (e_machine %u)", eh.e_machine);
		return -1;
	}
	if (eh.e_type != ELF64_ET_EXEC) {
		snprintf(err, errsz, "not a static executable (e_type %u)", eh.e_type);
		return -1;
	}
	if (eh.e_phentsize != sizeof(struct elf64_phdr) || eh.e_phnum == 0) {
		snprintf(err, errsz, "bad program header table (entsize %u, count %u)",
			 eh.e_phentsize, eh.e_phnum);
		return -1;
	}
	if (eh.e_phoff > len || (len - eh.e_phoff) / sizeof(struct elf64_phdr) < eh.e_phnum) {
		snprintf(err, errsz, "truncated: program headers beyond end of file");
		return -1;
	}
	out->entry = eh.e_entry;

	for (i = 0; i < eh.e_phnum; i++) {
		struct elf64_phdr ph;
		struct elfcheck_seg *s;
		unsigned j;

		memcpy(&ph, buf + eh.e_phoff + (size_t)i * sizeof(ph), sizeof(ph));
		if (ph.p_type != ELF64_PT_LOAD || ph.p_memsz == 0)
			continue;
		if (ph.p_filesz > ph.p_memsz) {
			snprintf(err, errsz,
				 "segment %u: file size 0x%" PRIx64 " > memory size 0x%" PRIx64, i,
				 ph.p_filesz, ph.p_memsz);
			return -1;
		}
		/* A segment without file bytes (pure .bss) may have any offset. */
		if (ph.p_filesz && (ph.p_offset > len || len - ph.p_offset < ph.p_filesz)) {
			snprintf(err, errsz, "truncated: segment %u beyond end of file", i);
			return -1;
		}
		if (ph.p_paddr < IMAGE_LOAD_MIN || ph.p_paddr > IMAGE_LOAD_MAX ||
		    IMAGE_LOAD_MAX - ph.p_paddr < ph.p_memsz) {
			snprintf(err, errsz,
				 "segment %u at 0x%" PRIx64 "-0x%" PRIx64 " outside RAM (0x%" PRIx64
				 "-0x%" PRIx64 ")",
				 i, ph.p_paddr, ph.p_paddr + ph.p_memsz, (uint64_t)IMAGE_LOAD_MIN,
				 (uint64_t)IMAGE_LOAD_MAX);
			return -1;
		}
		if (out->nr_segs == ELFCHECK_MAX_SEGS) {
			snprintf(err, errsz, "more than %d loadable segments", ELFCHECK_MAX_SEGS);
			return -1;
		}
		s = &out->segs[out->nr_segs];
		s->paddr = ph.p_paddr;
		s->vaddr = ph.p_vaddr;
		s->memsz = ph.p_memsz;
		for (j = 0; j < out->nr_segs; j++) {
			if (overlaps(s, &out->segs[j])) {
				snprintf(err, errsz, "segments overlap at 0x%" PRIx64, s->paddr);
				return -1;
			}
		}
		out->nr_segs++;
		if (eh.e_entry >= ph.p_vaddr && eh.e_entry - ph.p_vaddr < ph.p_memsz)
			entry_ok = 1;
	}
	if (!out->nr_segs) {
		snprintf(err, errsz, "no loadable segment");
		return -1;
	}
	if (!entry_ok) {
		snprintf(err, errsz, "entry point 0x%" PRIx64 " not in a loadable segment",
			 eh.e_entry);
		return -1;
	}
	return 0;
}

int elfcheck_overlap(const struct elfcheck_info *a, const struct elfcheck_info *b, char *err,
		     size_t errsz)
{
	unsigned i, j;

	for (i = 0; i < a->nr_segs; i++)
		for (j = 0; j < b->nr_segs; j++)
			if (overlaps(&a->segs[i], &b->segs[j])) {
				snprintf(err, errsz,
					 "0x%" PRIx64 "-0x%" PRIx64 " overlaps 0x%" PRIx64
					 "-0x%" PRIx64,
					 b->segs[j].paddr, b->segs[j].paddr + b->segs[j].memsz,
					 a->segs[i].paddr, a->segs[i].paddr + a->segs[i].memsz);
				return -1;
			}
	return 0;
}
