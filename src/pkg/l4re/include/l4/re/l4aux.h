/* SPDX-License-Identifier: MIT */
/*
 * The auxiliary-vector entries an L4Re program finds on its initial stack
 * beyond the System V ones (values from L4Re's C library <elf.h>): AT_L4_ENV
 * points at the program's l4re_env_t.  The System V types the loader
 * writes are listed too, under L4RE_AT_* names, so that freestanding code
 * needs no <elf.h>.
 */
#ifndef L4_RE_L4AUX_H
#define L4_RE_L4AUX_H

#ifndef AT_L4_AUX
#define AT_L4_AUX 0xf0
#endif
#ifndef AT_L4_ENV
#define AT_L4_ENV 0xf1
#endif

enum l4re_auxv_types {
	L4RE_AT_NULL = 0,
	L4RE_AT_PHDR = 3,
	L4RE_AT_PHENT = 4,
	L4RE_AT_PHNUM = 5,
	L4RE_AT_PAGESZ = 6,
	L4RE_AT_BASE = 7,
	L4RE_AT_ENTRY = 9,
	L4RE_AT_HWCAP = 16,
	L4RE_AT_RANDOM = 25,
	L4RE_AT_EXECFN = 31,
	L4RE_AT_L4_ENV = 0xf1,
};

#endif /* L4_RE_L4AUX_H */
