// SPDX-License-Identifier: MIT
/*
 * The plain services of the L4 half: memory (l4re-libc's malloc, which
 * takes dataspaces from moe), console output (the program's log), the
 * clock, yielding and stopping.  malloc's heap is moe dataspaces, each
 * physically contiguous, so a kmalloc block is too unless it spans two;
 * the DMA API (dma.c) checks and bounces such a block.
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <l4/sys/kip.h>
#include <l4/sys/thread.h>

#include <dde/l4.h>

void *dde_l4_alloc(unsigned long size, unsigned long align)
{
	void *p;

	if (align < sizeof(void *))
		align = sizeof(void *);
	/* aligned_alloc wants a size that is a multiple of the alignment. */
	size = (size + align - 1) & ~(align - 1);
	p = aligned_alloc(align, size ? size : align);
	if (p)
		memset(p, 0, size);
	return p;
}

void dde_l4_free(void *p)
{
	free(p);
}

void dde_l4_write(const char *text, unsigned long len)
{
	/* stdout is line-buffered on the log; Linux prints whole lines. */
	fwrite(text, 1, len, stdout);
}

void dde_l4_stop(int status)
{
	fflush(stdout);
	exit(status);
}

unsigned long long dde_l4_clock_us(void)
{
	return l4_kip_clock(l4_kip());
}

void dde_l4_yield(void)
{
	l4_thread_yield();
}
