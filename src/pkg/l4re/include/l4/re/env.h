/* SPDX-License-Identifier: MIT */
/*
 * The initial environment of an L4Re program (L4Re's <l4/re/env.h>): the
 * capabilities the loader gave it and the named capabilities of its start
 * script.  The loader writes one l4re_env_t on the initial stack and
 * points auxv AT_L4_ENV at it; the program's start-up code hands it to
 * l4re_env_init() (or l4re_env_init_auxv() / l4re_env_init_argv(), which
 * find it), and from then on l4re_env() returns it.
 *
 * The layout is L4Re's.  The list of named capabilities ends with an entry
 * whose flags are ~0UL (L4Re's rule; our loader also sets its cap to
 * L4_INVALID_CAP and its name to "").
 */
#ifndef L4_RE_ENV_H
#define L4_RE_ENV_H

#include <l4/sys/compiler.h>
#include <l4/sys/consts.h>
#include <l4/sys/kip.h>
#include <l4/sys/types.h>

EXTERN_C_BEGIN

typedef struct l4re_env_cap_entry_t {
	l4_cap_idx_t cap;  /* the capability selector in this task */
	l4_umword_t flags; /* 0; ~0UL marks the end of the list */
	char name[16];	   /* NUL terminated unless all 16 bytes are used */
} l4re_env_cap_entry_t;

typedef struct l4re_env_t {
	l4_cap_idx_t parent;	     /* exit status and signals go here */
	l4_cap_idx_t rm;	     /* region map, also the pager of our threads */
	l4_cap_idx_t mem_alloc;	     /* memory allocator (a factory, see mem_alloc.h) */
	l4_cap_idx_t log;	     /* log: L4_PROTO_LOG / vcon write */
	l4_cap_idx_t main_thread;    /* our first thread */
	l4_cap_idx_t factory;	     /* kernel factory (tasks, threads, gates, irqs) */
	l4_cap_idx_t scheduler;	     /* scheduler for our threads */
	l4_cap_idx_t first_free_cap; /* first selector the cap allocator may hand out */
	l4_fpage_t utcb_area;	     /* the task's ku_mem holding the UTCBs */
	l4_addr_t first_free_utcb;   /* first UTCB not in use (the main thread has the first) */
	l4re_env_cap_entry_t *caps;  /* named capabilities, see above */
} l4re_env_t;

_Static_assert(sizeof(l4re_env_cap_entry_t) == 32, "L4Re layout of l4re_env_cap_entry_t");
_Static_assert(sizeof(l4re_env_t) == 11 * 8, "L4Re layout of l4re_env_t");

extern l4re_env_t *l4re_global_env;

/*
 * Start-up (called once, before anything else of libl4re): make env the
 * environment l4re_env() returns.  l4re_env_init_auxv() takes the auxv
 * array (pairs ending with AT_NULL) and looks for AT_L4_ENV;
 * l4re_env_init_argv() takes main's argc/argv of a System V initial stack
 * (envp follows argv, auxv follows envp) and also remembers envp for
 * l4re_env_get_cap_by_envvar().  Both return 0 or -L4_ENOENT (no AT_L4_ENV).
 */
void l4re_env_init(l4re_env_t *env);
int l4re_env_init_auxv(const l4_umword_t *auxv);
int l4re_env_init_argv(int argc, char **argv);

L4_INLINE l4re_env_t *l4re_env(void)
{
	return l4re_global_env;
}

L4_INLINE l4_kernel_info_t *l4re_kip(void)
{
	return (l4_kernel_info_t *)L4REC_KIP_ADDR;
}

/* The entry named by the first l bytes of name, or NULL. */
L4_INLINE l4re_env_cap_entry_t const *l4re_env_get_cap_l(char const *name, unsigned l,
							 l4re_env_t const *e)
{
	l4re_env_cap_entry_t const *c;

	if (!e)
		return NULL;
	for (c = e->caps; c && c->flags != ~0UL; ++c) {
		unsigned i = 0;

		while (i < sizeof(c->name) && i < l && c->name[i] && c->name[i] == name[i])
			++i;
		if (i == l && (i == sizeof(c->name) || !c->name[i]))
			return c;
	}
	return NULL;
}

L4_INLINE l4_cap_idx_t l4re_env_get_cap_e(char const *name, l4re_env_t const *e)
{
	unsigned l = 0;
	l4re_env_cap_entry_t const *r;

	while (name[l])
		++l;
	r = l4re_env_get_cap_l(name, l, e);
	return r ? r->cap : L4_INVALID_CAP;
}

/* The named capability of the initial environment, or L4_INVALID_CAP. */
L4_INLINE l4_cap_idx_t l4re_env_get_cap(char const *name)
{
	return l4re_env_get_cap_e(name, l4re_env());
}

EXTERN_C_END

#endif /* L4_RE_ENV_H */
