// SPDX-License-Identifier: MIT
/*
 * l4re-libc backend: getrandom().  NOT cryptographic: there is no entropy
 * source yet, so the bytes come from the generic timer's counter (CNTVCT)
 * run through the splitmix64 mixer, with a per-process state so that two
 * calls in the same tick differ.  Good for hash seeds and malloc's
 * secrets, never for keys.
 */
#include <string.h>

#include <l4/sys/kip.h>

#include "backend.h"

static uint64_t state;

static uint64_t splitmix64(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

long __l4libc_sys_getrandom(void *buf, size_t n, unsigned flags)
{
	unsigned char *p = buf;
	size_t done = 0;

	(void)flags;
	/* Racy between threads on purpose: any interleaving is as good. */
	state ^= __l4rec_cntvct();
	while (done < n) {
		uint64_t v = splitmix64(&state);
		size_t k = n - done < sizeof(v) ? n - done : sizeof(v);

		memcpy(p + done, &v, k);
		done += k;
	}
	return done;
}
