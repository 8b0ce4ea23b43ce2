// SPDX-License-Identifier: MIT
/*
 * The initial stack (System V AArch64): from sp up
 *   argc, argv[0..argc-1], NULL, envp[...], NULL, auxv pairs, AT_NULL
 * then the l4re_env_t and its named-capability entries, 16 random bytes
 * and the strings.  Everything is written through the loader's own
 * mapping of the stack dataspace, with pointers in the child's addresses.
 */
#include "loader_priv.h"

#include <l4/re/c/rm.h>
#include <l4/re/l4aux.h>
#include <l4/sys/consts.h>
#include <l4/sys/err.h>
#include <l4/sys/kip.h>

#define LDR_MAX_ARGS 256

struct ldr_stack {
	unsigned char *buf; /* loader's mapping */
	uint64_t child_base;
	unsigned long top; /* offset of the lowest byte used so far */
};

/* Reserve n bytes (aligned) below what is used; NULL when the stack is full. */
static void *push(struct ldr_stack *s, unsigned long n, unsigned long align)
{
	if (n + align > s->top)
		return NULL;
	s->top = (s->top - n) & ~(align - 1);
	return s->buf + s->top;
}

static uint64_t child_addr(const struct ldr_stack *s, const void *p)
{
	return s->child_base + (uint64_t)((const unsigned char *)p - s->buf);
}

static uint64_t push_str(struct ldr_stack *s, const char *str)
{
	unsigned long n = strlen(str) + 1;
	char *d = push(s, n, 1);

	if (!d)
		return 0;
	memcpy(d, str, n);
	return child_addr(s, d);
}

/* Not cryptographic: AT_RANDOM seeds stack protectors and hash seeds. */
static void fill_random(unsigned char *r, const struct ldr_ctx *c)
{
	uint64_t x, cnt;

	__asm__ volatile("mrs %0, cntvct_el0" : "=r"(cnt));
	x = cnt ^ (uint64_t)c->app->entry ^ ((uint64_t)c->p->argc << 32);
	for (int i = 0; i < 16; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		r[i] = (unsigned char)(x >> 24);
	}
}

/* An env cap name: up to 16 bytes, NUL padded (not terminated at 16). */
static void name_copy(char *dst, const char *src)
{
	size_t n = strlen(src);

	for (size_t i = 0; i < 16; i++)
		dst[i] = i < n ? src[i] : 0;
}

static void fill_env(l4re_env_t *e, l4re_env_cap_entry_t *caps, uint64_t caps_child,
		     const struct ldr_ctx *c, unsigned nr_named)
{
	const struct l4_loader_params *p = c->p;
	unsigned i;

	e->parent = L4_LOADER_CHILD_PARENT;
	e->rm = L4_LOADER_CHILD_RM;
	e->mem_alloc = L4_LOADER_CHILD_MEM_ALLOC;
	e->log = L4_BASE_LOG_CAP;
	e->main_thread = L4_BASE_THREAD_CAP;
	e->factory = L4_BASE_FACTORY_CAP;
	e->scheduler = L4_BASE_SCHEDULER_CAP;
	e->first_free_cap = L4_LOADER_CHILD_NAMED + (L4_LOADER_MAX_CAPS << L4_CAP_SHIFT);
	e->utcb_area = l4_fpage(L4_LOADER_UTCB_AREA, L4_LOADER_UTCB_AREA_ORDER, L4_FPAGE_RW);
	e->first_free_utcb = L4_LOADER_UTCB_AREA + L4_UTCB_OFFSET;
	e->caps = (l4re_env_cap_entry_t *)caps_child;
	for (i = 0; i < p->nr_caps; i++) {
		caps[i].cap = L4_LOADER_CHILD_NAMED + ((l4_cap_idx_t)i << L4_CAP_SHIFT);
		caps[i].flags = 0;
		name_copy(caps[i].name, p->caps[i].name);
	}
	if (nr_named > p->nr_caps) {
		caps[i].cap = L4_LOADER_CHILD_NAMED + ((l4_cap_idx_t)i << L4_CAP_SHIFT);
		caps[i].flags = 0;
		name_copy(caps[i].name, "rom");
		i++;
	}
	caps[i].cap = L4_INVALID_CAP;
	caps[i].flags = ~0UL;
	name_copy(caps[i].name, "");
}

static long fill(struct ldr_stack *s, const struct ldr_ctx *c)
{
	const struct l4_loader_params *p = c->p;
	uint64_t argv[LDR_MAX_ARGS], envp[LDR_MAX_ARGS], *v, random_addr;
	unsigned nenv = 0, nr_named = ldr_nr_named(p), i, n;
	l4re_env_t *env;
	l4re_env_cap_entry_t *caps;
	unsigned char *rnd;

	if (p->argc < 1 || p->argc > LDR_MAX_ARGS)
		return -L4_E2BIG;
	while (p->envp && p->envp[nenv])
		if (++nenv > LDR_MAX_ARGS)
			return -L4_E2BIG;
	for (i = 0; i < (unsigned)p->argc; i++)
		if (!(argv[i] = push_str(s, p->argv[i])))
			return -L4_E2BIG;
	for (i = 0; i < nenv; i++)
		if (!(envp[i] = push_str(s, p->envp[i])))
			return -L4_E2BIG;
	rnd = push(s, 16, 16);
	caps = push(s, (nr_named + 1) * sizeof(*caps), 16);
	env = push(s, sizeof(*env), 16);
	/* argc, argv, NULL, envp, NULL, 9 auxv pairs + AT_NULL. */
	n = 1 + (unsigned)p->argc + 1 + nenv + 1 + 2 * 10;
	v = push(s, n * 8, 16);
	if (!rnd || !caps || !env || !v)
		return -L4_E2BIG;
	fill_random(rnd, c);
	random_addr = child_addr(s, rnd);
	fill_env(env, caps, child_addr(s, caps), c, nr_named);

	*v++ = (uint64_t)p->argc;
	for (i = 0; i < (unsigned)p->argc; i++)
		*v++ = argv[i];
	*v++ = 0;
	for (i = 0; i < nenv; i++)
		*v++ = envp[i];
	*v++ = 0;
	*v++ = L4RE_AT_PHDR, *v++ = c->img.phdr_vaddr;
	*v++ = L4RE_AT_PHENT, *v++ = sizeof(struct ldr_phdr);
	*v++ = L4RE_AT_PHNUM, *v++ = c->img.eh->e_phnum;
	*v++ = L4RE_AT_PAGESZ, *v++ = L4_PAGESIZE;
	*v++ = L4RE_AT_ENTRY, *v++ = c->img.eh->e_entry;
	*v++ = L4RE_AT_RANDOM, *v++ = random_addr;
	*v++ = L4RE_AT_HWCAP, *v++ = p->hwcap;
	*v++ = L4RE_AT_EXECFN, *v++ = argv[0];
	*v++ = AT_L4_ENV, *v++ = child_addr(s, env);
	*v++ = L4RE_AT_NULL, *v++ = 0;
	return 0;
}

long ldr_stack_build(struct ldr_ctx *c)
{
	struct l4_loader_ops const *ops = c->ops;
	unsigned long size =
		c->p->stack_size ? l4_round_page(c->p->stack_size) : L4_LOADER_STACK_SIZE;
	struct ldr_stack s;
	l4_cap_idx_t ds;
	long err;

	err = ops->ds_alloc(ops->ctx, c->p->mem_alloc, size, &ds);
	if (err < 0)
		return err;
	err = ops->attach(ops->ctx, ds, 0, size, 1, (void **)&s.buf);
	if (err < 0)
		goto free_ds;
	s.child_base = L4_LOADER_STACK_TOP - size;
	s.top = size;
	err = fill(&s, c);
	c->app->sp = s.child_base + s.top;
	ops->detach(ops->ctx, s.buf, size);
	if (!err)
		err = ops->rm_attach(ops->ctx, c->app->rm, s.child_base, size, L4RE_RM_F_RW, ds, 0);
free_ds:
	ops->ds_free(ops->ctx, ds);
	return err;
}
