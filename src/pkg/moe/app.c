// SPDX-License-Identifier: MIT
/*
 * Programs moe starts itself (ned, or those its command line names) and
 * their parent objects.  Each gets its own log (named after it), a parent
 * object, moe's allocator, rom/, the kernel factory and the scheduler,
 * and, as in L4Re, the named capabilities "sigma0" (its own client gate
 * to sigma0) and "icu" (the kernel's interrupt controller), which a .cfg
 * hands on to io.
 * On the exit signal moe logs the status and removes the program.
 */
#include "moe.h"

#include <l4/loader/loader.h>
#include <l4/re/c/util/cap_alloc.h>
#include <l4/re/protocols.h>
#include <l4/sigma0/sigma0.h>
#include <l4/sys/err.h>
#include <l4/util/printf.h>
#include <l4/util/string.h>

#define MOE_MAX_APPS 16
#define MOE_APP_PRIO 2

extern const struct l4_loader_ops moe_loader_ops;

struct moe_app {
	bool used;
	int parent, log;
	struct l4_loader_app la;
};

static struct moe_app apps[MOE_MAX_APPS];

/* "sigma0" and "icu": a fresh sigma0 gate per program, the kernel's ICU. */
static unsigned platform_caps(struct l4_loader_cap caps[2])
{
	l4_cap_idx_t s0 = l4re_util_cap_alloc();
	unsigned n = 0;

	if (!l4_is_invalid_cap(s0) && !l4sigma0_new_client(L4_BASE_PAGER_CAP, s0))
		caps[n++] = (struct l4_loader_cap){ "sigma0", s0, L4_CAP_FPAGE_RWS };
	caps[n++] = (struct l4_loader_cap){ "icu", L4_BASE_ICU_CAP, L4_CAP_FPAGE_RWS };
	return n;
}

static const char *basename_of(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

int moe_app_start(int argc, char *argv[])
{
	struct l4_loader_params p = { 0 };
	struct l4_loader_cap caps[2];
	struct moe_app *a = NULL;
	int bin = moe_rom_find(argv[0]), i;
	long err;

	if (bin < 0)
		return -L4_ENOENT;
	for (i = 0; i < MOE_MAX_APPS && !a; i++)
		if (!apps[i].used)
			a = &apps[i];
	if (!a)
		return -L4_ENOMEM;
	a->parent = moe_obj_new(MOE_OBJ_PARENT);
	if (a->parent < 0)
		return a->parent;
	moe_obj(a->parent)->parent.app = (int)(a - apps);
	p.argc = argc;
	p.argv = (char const *const *)argv;
	p.bin = moe_obj_cap(bin);
	p.rom = moe_obj_cap(moe_rom_ns());
	p.parent = moe_obj_cap(a->parent);
	p.mem_alloc = moe_obj_cap(moe_factory());
	p.factory = L4_BASE_FACTORY_CAP;
	p.scheduler = L4_BASE_SCHEDULER_CAP;
	p.prio = MOE_APP_PRIO;
	p.caps = caps;
	p.nr_caps = platform_caps(caps);
	/* The log is named like the program: basename of argv[0]. */
	a->log = moe_log_create(basename_of(argv[0]));
	if (a->log < 0) {
		err = a->log;
		goto free_parent;
	}
	p.log = moe_obj_cap(a->log);
	err = l4_loader_start(&moe_loader_ops, &p, &a->la);
	if (err < 0)
		goto free_log;
	a->used = true;
	return 0;

free_log:
	moe_obj_delete(a->log);
free_parent:
	moe_obj_delete(a->parent);
	return (int)err;
}

bool moe_parent_handle(int obj, l4_umword_t label, l4_msgtag_t tag, l4_msgtag_t *reply)
{
	struct moe_app *a = &apps[moe_obj(obj)->parent.app];
	unsigned long sig, val;

	(void)label;
	if (!l4_loader_parent_decode(tag, l4_utcb(), &sig, &val)) {
		*reply = moe_reply_err(l4_msgtag_label(tag) == L4RE_PROTO_PARENT ? -L4_ENOSYS :
										   -L4_EBADPROTO);
		return true;
	}
	if (sig != L4RE_PARENT_SIG_EXIT) {
		*reply = moe_reply_err(0);
		return true;
	}
	printf("moe: %s: exited with status %ld\n", a->la.name, (long)val);
	/* The caller waits for a reply that never comes: its task goes now. */
	l4_loader_kill(&moe_loader_ops, &a->la);
	moe_obj_delete(a->log);
	moe_obj_delete(a->parent);
	a->used = false;
	return false;
}
