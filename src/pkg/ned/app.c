// SPDX-License-Identifier: MIT
/*
 * The programs ned starts, and ned's side of their parent protocol.
 *
 * Each program gets its own parent gate, bound to ned's main thread with
 * label id << 2 (the low two bits carry the sender's rights, docs/abi.md
 * §4.4), so an exit signal names its sender.  Signals are received only by
 * ned's one thread: while a script waits in :wait(), and forever once the
 * scripts are done, so a program that ends while the script is still
 * running is reaped at the next wait.  A program that exits is logged
 * ("<name>: exited with status N"; status 0 only with -v, as
 * docs/runtime.md says), its task removed with l4_loader_kill(), and its
 * status kept for :wait().  The records stay for ned's lifetime: a script
 * may ask an old task object for its status at any time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <l4/loader/loader.h>
#include <l4/re/c/namespace.h>
#include <l4/re/c/util/cap_alloc.h>
#include <l4/re/env.h>
#include <l4/re/protocols.h>
#include <l4/sys/err.h>
#include <l4/sys/factory.h>
#include <l4/sys/ipc.h>
#include <l4/sys/utcb.h>

#include "ned.h"

int ned_verbose;

static struct ned_app *apps;
static unsigned long next_id = 1;

/*
 * The dataspace of program path "ns/name": name looked up in the namespace
 * ned has as capability ns ("rom/hello" -> "hello" in rom).  A path
 * without a slash means rom/.
 */
static long app_binary(char const *path, l4_cap_idx_t *ds)
{
	char const *slash = strchr(path, '/'), *name = path;
	l4re_env_cap_entry_t const *ent;
	l4_cap_idx_t ns = l4re_env_get_cap("rom"), cap;
	long err;

	if (slash) {
		ent = l4re_env_get_cap_l(path, (unsigned)(slash - path), l4re_env());
		ns = ent ? ent->cap : L4_INVALID_CAP;
		name = slash + 1;
	}
	if (l4_is_invalid_cap(ns) || !*name)
		return -L4_ENOENT;
	cap = l4re_util_cap_alloc();
	if (l4_is_invalid_cap(cap))
		return -L4_ENOMEM;
	err = l4re_ns_query_srv(ns, name, cap);
	if (err < 0) {
		l4re_util_cap_free(cap);
		return err;
	}
	*ds = cap;
	return 0;
}

long ned_app_start(struct ned_start const *s, l4_cap_idx_t log, int log_owned, struct ned_app **out)
{
	l4re_env_t const *e = l4re_env();
	struct l4_loader_params p;
	struct ned_app *app;
	l4_cap_idx_t bin;
	long err;

	app = calloc(1, sizeof(*app));
	if (!app) {
		err = -L4_ENOMEM;
		goto release_log;
	}
	app->id = next_id++;
	err = app_binary(s->argv[0], &bin);
	if (err < 0)
		goto free_app;
	app->parent = l4re_util_cap_alloc();
	if (l4_is_invalid_cap(app->parent)) {
		err = -L4_ENOMEM;
		goto release_bin;
	}
	err = l4_error(
		l4_factory_create_gate(e->factory, app->parent, e->main_thread, app->id << 2));
	if (err < 0)
		goto free_gate_slot;

	memset(&p, 0, sizeof(p));
	p.bin = bin;
	p.argc = s->argc;
	p.argv = s->argv;
	p.envp = s->envp;
	p.caps = s->caps;
	p.nr_caps = s->nr_caps;
	p.rom = l4re_env_get_cap("rom");
	p.log = log;
	p.parent = app->parent;
	p.mem_alloc = e->mem_alloc;
	p.factory = e->factory;
	p.scheduler = e->scheduler;
	p.prio = s->prio;
	err = l4_loader_start(&l4_loader_l4re_ops, &p, &app->la);
	if (err < 0)
		goto delete_gate;

	/* The child's region map holds the binary now; ned's slot is not needed. */
	l4re_util_cap_free_um(bin);
	app->log = log_owned ? log : L4_INVALID_CAP;
	app->state = NED_APP_RUNNING;
	app->next = apps;
	apps = app;
	*out = app;
	return 0;

delete_gate:
	l4re_util_cap_free_um(app->parent); /* ned held the only capability: the gate goes */
	goto release_bin;
free_gate_slot:
	l4re_util_cap_free(app->parent);
release_bin:
	l4re_util_cap_free_um(bin);
free_app:
	free(app);
release_log:
	if (log_owned)
		l4re_util_cap_free_um(log);
	return err;
}

/* Remove a program's task and what ned held for it. */
static void app_reap(struct ned_app *app)
{
	l4_loader_kill(&l4_loader_l4re_ops, &app->la);
	l4re_util_cap_free_um(app->parent);
	app->parent = L4_INVALID_CAP;
	if (l4_is_valid_cap(app->log))
		l4re_util_cap_free_um(app->log);
	app->log = L4_INVALID_CAP;
}

void ned_app_kill(struct ned_app *app)
{
	if (app->state != NED_APP_RUNNING)
		return;
	app_reap(app);
	app->state = NED_APP_KILLED;
}

static struct ned_app *app_by_id(unsigned long id)
{
	struct ned_app *a;

	for (a = apps; a; a = a->next)
		if (a->id == id)
			return a;
	return NULL;
}

/* Answer a message we do not serve, without blocking on a sender gone astray. */
static void app_reply_error(long err)
{
	l4_ipc(L4_INVALID_CAP, l4_utcb(), L4_SYSF_SEND | L4_SYSF_REPLY, 0, l4_msgtag(err, 0, 0, 0),
	       NULL, L4_IPC_SEND_TIMEOUT_0);
}

static void app_dispatch(l4_msgtag_t tag, l4_umword_t label)
{
	struct ned_app *app = app_by_id(label >> 2);
	unsigned long sig, val;

	if (!app || app->state != NED_APP_RUNNING) {
		app_reply_error(-L4_ENOENT);
		return;
	}
	if (!l4_loader_parent_decode(tag, l4_utcb(), &sig, &val)) {
		app_reply_error(-L4_ENOSYS);
		return;
	}
	if (sig != L4RE_PARENT_SIG_EXIT) {
		app_reply_error(0); /* other signals: noted, nothing to do */
		return;
	}
	/* exit() takes an int; the value travels as a word. */
	app->status = (long)(int)val;
	if (app->status != 0 || ned_verbose)
		printf("%s: exited with status %ld\n", app->la.name, app->status);
	app_reap(app);
	app->state = NED_APP_EXITED;
}

static void app_receive_one(void)
{
	l4_umword_t label;
	l4_msgtag_t tag = l4_ipc_wait(l4_utcb(), &label, L4_IPC_NEVER);

	if (l4_msgtag_has_error(tag))
		return;
	app_dispatch(tag, label);
}

void ned_app_wait(struct ned_app *app)
{
	while (app->state == NED_APP_RUNNING)
		app_receive_one();
}

_Noreturn void ned_app_serve_forever(void)
{
	fflush(stdout);
	for (;;)
		app_receive_one();
}
