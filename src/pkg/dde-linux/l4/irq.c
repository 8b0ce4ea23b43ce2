// SPDX-License-Identifier: MIT
/*
 * Interrupts for request_irq().  Each line gets a kernel Irq object (from
 * the factory) bound at the ICU (capability "icu" from the .cfg, until io
 * hands out Irq capabilities) and attached to the server's main thread
 * with a label of its own: the server loop receives interrupts and client
 * requests in the same open wait (server.c) and calls the handler there,
 * under the interrupt lock, then unmasks the line.  One thread, so a
 * handler never races the request code; the lock keeps Linux's
 * local_irq_save() meaning for code that takes it anyway.
 */
#define _DEFAULT_SOURCE
#include <pthread.h>
#include <stdio.h>

#include <l4/re/c/util/cap_alloc.h>
#include <l4/re/env.h>
#include <l4/sys/err.h>
#include <l4/sys/factory.h>
#include <l4/sys/icu.h>
#include <l4/sys/irq.h>

#include <dde/l4.h>
#include <dde/server.h>
#include "server.h"

#define MAX_LINES 16

struct line {
	unsigned irq;
	l4_cap_idx_t cap;
	void (*handler)(unsigned irq, void *arg);
	void *arg;
	unsigned long count;
	int from_io;		    /* cap is io's Irq, already bound to the line */
	void (*soft_fn)(void *arg); /* not a device line: dde_server_attach_irq() */
	void *soft_arg;
};

/* An Irq io handed out for a line (vbus.c), waiting for request_irq(). */
struct provided {
	int used;
	unsigned irq;
	l4_cap_idx_t cap;
};

static struct line lines[MAX_LINES];
static struct provided provided[MAX_LINES];
static pthread_mutex_t irq_lock;
static pthread_once_t irq_lock_once = PTHREAD_ONCE_INIT;

static void irq_lock_init(void)
{
	pthread_mutexattr_t a;

	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&irq_lock, &a);
	pthread_mutexattr_destroy(&a);
}

void dde_l4_irq_lock(void)
{
	pthread_once(&irq_lock_once, irq_lock_init);
	pthread_mutex_lock(&irq_lock);
}

void dde_l4_irq_unlock(void)
{
	pthread_mutex_unlock(&irq_lock);
}

int dde_l4_irq_provide(unsigned irq, l4_cap_idx_t cap)
{
	unsigned i;

	for (i = 0; i < MAX_LINES; ++i) {
		if (provided[i].used && provided[i].irq == irq)
			return -L4_EEXIST; /* io hands out one Irq per line */
	}
	for (i = 0; i < MAX_LINES; ++i) {
		if (!provided[i].used) {
			provided[i] = (struct provided){ 1, irq, cap };
			return 0;
		}
	}
	return -L4_ENOMEM;
}

static l4_cap_idx_t irq_from_io(unsigned irq)
{
	unsigned i;

	for (i = 0; i < MAX_LINES; ++i) {
		if (provided[i].used && provided[i].irq == irq)
			return provided[i].cap;
	}
	return L4_INVALID_CAP;
}

/* The line's Irq attached to the server thread: io's if it gave one, else bound at the ICU. */
static long irq_bind(struct line *l, unsigned slot)
{
	l4_cap_idx_t icu = l4re_env_get_cap("icu");
	long err;

	l->cap = irq_from_io(l->irq);
	if (!l4_is_invalid_cap(l->cap)) {
		l->from_io = 1;
		err = l4_error(
			l4_irq_attach(l->cap, DDE_SERVER_IRQ_LABEL(slot), l4re_env()->main_thread));
		return err < 0 ? err : l4_error(l4_irq_unmask(l->cap));
	}

	if (l4_is_invalid_cap(icu)) {
		printf("dde: no interrupt %u: capability 'icu' missing\n", l->irq);
		return -L4_ENODEV;
	}
	l->cap = l4re_util_cap_alloc();
	if (l4_is_invalid_cap(l->cap))
		return -L4_ENOMEM;
	err = l4_error(l4_factory_create_irq(l4re_env()->factory, l->cap));
	if (err >= 0)
		err = l4_error(
			l4_irq_attach(l->cap, DDE_SERVER_IRQ_LABEL(slot), l4re_env()->main_thread));
	if (err >= 0)
		err = l4_error(l4_icu_bind(icu, l->irq, l->cap));
	if (err >= 0)
		err = l4_error(l4_irq_unmask(l->cap));
	return err;
}

int dde_l4_irq_attach(unsigned irq, void (*handler)(unsigned irq, void *arg), void *arg)
{
	unsigned i, slot = MAX_LINES;
	long err;

	for (i = 0; i < MAX_LINES; ++i) {
		if (lines[i].handler && lines[i].irq == irq)
			return -L4_EBUSY;
		if (!lines[i].handler && !lines[i].soft_fn && slot == MAX_LINES)
			slot = i;
	}
	if (slot == MAX_LINES)
		return -L4_ENOMEM;
	lines[slot] = (struct line){ .irq = irq, .handler = handler, .arg = arg };
	err = irq_bind(&lines[slot], slot);
	if (err < 0) {
		printf("dde: cannot bind interrupt %u: error %ld\n", irq, err);
		lines[slot].handler = NULL;
		return (int)err;
	}
	return 0;
}

void dde_l4_irq_detach(unsigned irq)
{
	unsigned i;

	for (i = 0; i < MAX_LINES; ++i) {
		if (lines[i].handler && lines[i].irq == irq) {
			if (!lines[i].from_io)
				l4_icu_unbind(l4re_env_get_cap("icu"), irq, lines[i].cap);
			l4_irq_detach(lines[i].cap);
			lines[i].handler = NULL;
		}
	}
}

int dde_server_attach_irq(l4_cap_idx_t irq, void (*fn)(void *arg), void *arg)
{
	unsigned slot;
	long err;

	for (slot = 0; slot < MAX_LINES && (lines[slot].handler || lines[slot].soft_fn); ++slot)
		;
	if (slot == MAX_LINES)
		return -L4_ENOMEM;
	err = l4_error(l4_irq_attach(irq, DDE_SERVER_IRQ_LABEL(slot), l4re_env()->main_thread));
	if (err < 0)
		return (int)err;
	lines[slot] = (struct line){ .irq = ~0u, .cap = irq, .soft_fn = fn, .soft_arg = arg };
	return 0;
}

int dde_server_irq(l4_umword_t label)
{
	unsigned slot;
	struct line *l;

	if ((label & ~DDE_SERVER_IRQ_MASK) != DDE_SERVER_IRQ_BASE)
		return 0;
	slot = (unsigned)((label & DDE_SERVER_IRQ_MASK) >> 4);
	if (slot >= MAX_LINES || (!lines[slot].handler && !lines[slot].soft_fn))
		return 1; /* a line detached meanwhile */
	l = &lines[slot];
	l->count++;
	dde_l4_irq_lock();
	if (l->soft_fn)
		l->soft_fn(l->soft_arg);
	else
		l->handler(l->irq, l->arg);
	dde_l4_irq_unlock();
	l4_irq_unmask(l->cap);
	return 1;
}
