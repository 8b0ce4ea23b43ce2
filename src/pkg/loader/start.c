// SPDX-License-Identifier: MIT
/*
 * l4_loader_start() and l4_loader_kill(): the order of the steps in
 * <l4/loader/loader.h>, and the kernel objects: task, capabilities,
 * main thread.
 */
#include "loader_priv.h"

#include <l4/sys/err.h>
#include <l4/sys/factory.h>
#include <l4/sys/scheduler.h>
#include <l4/sys/task.h>
#include <l4/sys/thread.h>

#define LDR_DEFAULT_PRIO 2

static bool names_rom(const struct l4_loader_params *p)
{
	for (unsigned i = 0; i < p->nr_caps; i++) {
		const char *n = p->caps[i].name;

		if (n[0] == 'r' && n[1] == 'o' && n[2] == 'm' && !n[3])
			return true;
	}
	return false;
}

unsigned ldr_nr_named(const struct l4_loader_params *p)
{
	return p->nr_caps + (l4_is_valid_cap(p->rom) && !names_rom(p) ? 1 : 0);
}

static long map_cap(l4_cap_idx_t task, l4_cap_idx_t src, unsigned rights, l4_cap_idx_t dst)
{
	if (l4_is_invalid_cap(src))
		return 0;
	return l4_error(l4_task_map(task, L4_BASE_TASK_CAP,
				    l4_obj_fpage(src, 0, (unsigned char)rights),
				    l4_map_obj_control(dst, 0)));
}

static long give_caps(const struct ldr_ctx *c)
{
	const struct l4_loader_params *p = c->p;
	const struct l4_loader_app *a = c->app;
	l4_cap_idx_t t = a->task;
	long err = 0;
	unsigned i;

	err = map_cap(t, a->task, L4_CAP_FPAGE_RWSD, L4_BASE_TASK_CAP);
	if (!err)
		err = map_cap(t, p->factory, L4_CAP_FPAGE_RWS, L4_BASE_FACTORY_CAP);
	if (!err)
		err = map_cap(t, a->thread, L4_CAP_FPAGE_RWSD, L4_BASE_THREAD_CAP);
	if (!err)
		err = map_cap(t, a->rm, L4_CAP_FPAGE_RWS, L4_LOADER_CHILD_RM);
	if (!err)
		err = map_cap(t, p->log, L4_CAP_FPAGE_RWS, L4_BASE_LOG_CAP);
	if (!err)
		err = map_cap(t, p->scheduler, L4_CAP_FPAGE_RWS, L4_BASE_SCHEDULER_CAP);
	if (!err)
		err = map_cap(t, p->parent, L4_CAP_FPAGE_RWS, L4_LOADER_CHILD_PARENT);
	if (!err)
		err = map_cap(t, p->mem_alloc, L4_CAP_FPAGE_RWS, L4_LOADER_CHILD_MEM_ALLOC);
	for (i = 0; !err && i < p->nr_caps; i++)
		err = map_cap(t, p->caps[i].cap,
			      p->caps[i].rights ? p->caps[i].rights : L4_CAP_FPAGE_RWS,
			      L4_LOADER_CHILD_NAMED + ((l4_cap_idx_t)i << L4_CAP_SHIFT));
	if (!err && ldr_nr_named(p) > p->nr_caps)
		err = map_cap(t, p->rom, L4_CAP_FPAGE_RS,
			      L4_LOADER_CHILD_NAMED + ((l4_cap_idx_t)i << L4_CAP_SHIFT));
	return err;
}

static long start_thread(const struct ldr_ctx *c)
{
	const struct l4_loader_app *a = c->app;
	l4_sched_param_t sp = l4_sched_param(c->p->prio ? c->p->prio : LDR_DEFAULT_PRIO, 0);
	long err;

	l4_thread_control_start();
	l4_thread_control_pager(L4_LOADER_CHILD_RM);
	l4_thread_control_exc_handler(L4_LOADER_CHILD_RM);
	l4_thread_control_bind((l4_utcb_t *)L4_LOADER_UTCB_AREA, a->task);
	err = l4_error(l4_thread_control_commit(a->thread));
	if (err < 0)
		return err;
	err = l4_error(l4_thread_ex_regs(a->thread, a->entry, a->sp, 0));
	if (err < 0)
		return err;
	return l4_error(l4_scheduler_run_thread(c->p->scheduler, a->thread, &sp));
}

static void set_name(struct l4_loader_app *a, const struct l4_loader_params *p)
{
	const char *n = p->name, *s;
	unsigned i;

	if (!n) {
		n = p->argv[0];
		for (s = n; *s; s++)
			if (*s == '/')
				n = s + 1;
	}
	for (i = 0; i + 1 < sizeof(a->name) && n[i]; i++)
		a->name[i] = n[i];
	a->name[i] = 0;
}

static long create_task(struct ldr_ctx *c)
{
	struct l4_loader_app *a = c->app;
	long err;

	a->task = c->ops->cap_alloc(c->ops->ctx);
	a->thread = c->ops->cap_alloc(c->ops->ctx);
	if (l4_is_invalid_cap(a->task) || l4_is_invalid_cap(a->thread))
		return -L4_ENOMEM;
	err = l4_error(l4_factory_create_task(
		c->p->factory, a->task,
		l4_fpage(L4_LOADER_UTCB_AREA, L4_LOADER_UTCB_AREA_ORDER, L4_FPAGE_RW)));
	if (err < 0)
		return err;
	return l4_error(l4_factory_create_thread(c->p->factory, a->thread));
}

long l4_loader_start(struct l4_loader_ops const *ops, struct l4_loader_params const *params,
		     struct l4_loader_app *app)
{
	struct ldr_ctx c = { .ops = ops, .p = params, .app = app };
	unsigned long size;
	void *image;
	long err;

	if (!ops || !params || !app || params->argc < 1 || !params->argv ||
	    params->nr_caps + 1 > L4_LOADER_MAX_CAPS)
		return -L4_EINVAL;
	memset(app, 0, sizeof(*app));
	app->task = app->thread = app->rm = L4_INVALID_CAP;
	set_name(app, params);

	err = ops->ds_size(ops->ctx, params->bin, &size);
	if (err < 0)
		return err;
	err = ops->attach(ops->ctx, params->bin, 0, l4_round_page(size), 0, &image);
	if (err < 0)
		return err;
	c.img.data = image;
	c.img.size = size;
	err = ldr_elf_check(&c.img);
	if (err < 0)
		goto detach;
	app->entry = c.img.eh->e_entry;
	err = ops->rm_create(ops->ctx, params->mem_alloc, app->name, &app->rm);
	if (err < 0)
		goto detach;
	err = ldr_segments_load(&c);
	if (!err)
		err = ldr_stack_build(&c);
	if (!err)
		err = create_task(&c);
	if (!err)
		err = give_caps(&c);
	if (!err)
		err = start_thread(&c);
detach:
	ops->detach(ops->ctx, image, l4_round_page(size));
	if (err < 0)
		l4_loader_kill(ops, app);
	return err;
}

void l4_loader_kill(struct l4_loader_ops const *ops, struct l4_loader_app *app)
{
	if (l4_is_valid_cap(app->thread)) {
		l4_task_delete_obj(L4_BASE_TASK_CAP, app->thread);
		ops->cap_free(ops->ctx, app->thread);
	}
	if (l4_is_valid_cap(app->task)) {
		l4_task_delete_obj(L4_BASE_TASK_CAP, app->task);
		ops->cap_free(ops->ctx, app->task);
	}
	if (l4_is_valid_cap(app->rm))
		ops->rm_release(ops->ctx, app->rm);
	app->task = app->thread = app->rm = L4_INVALID_CAP;
}
