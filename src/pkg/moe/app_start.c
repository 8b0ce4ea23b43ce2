// SPDX-License-Identifier: MIT
/*
 * Starting a program: a new task with a UTCB page, the ELF image and a
 * stack backed by moe's memory and mapped in eagerly, the base
 * capabilities, and one thread whose pager and exception handler are moe.
 *
 * The program's capability slots (its L4Re environment is not there yet):
 *   L4_BASE_TASK_CAP    its own task
 *   L4_BASE_THREAD_CAP  its own thread
 *   L4_BASE_PAGER_CAP   moe's gate (page faults, exceptions)
 *   L4_BASE_LOG_CAP     the same gate: moe's log server
 * The initial stack follows crt0's convention (argc, argv, NULL, envp NULL,
 * auxv AT_NULL), see src/pkg/l4util/crt0.S.
 */
#include "moe.h"

#include "bootinfo.h"

#include <l4/sys/err.h>
#include <l4/sys/factory.h>
#include <l4/sys/scheduler.h>
#include <l4/sys/task.h>
#include <l4/sys/thread.h>
#include <l4/util/printf.h>
#include <l4/util/string.h>

/* moe's capability slots for program objects: 3 per app from here. */
#define MOE_APP_CAP_BASE 0x100

static struct moe_app apps[MOE_MAX_APPS];

struct moe_app *moe_app_lookup(l4_umword_t label)
{
	l4_umword_t idx = label >> 4;

	if (idx < 1 || idx > MOE_MAX_APPS || !apps[idx - 1].used)
		return NULL;
	return &apps[idx - 1];
}

int moe_app_add_region(struct moe_app *app, uint64_t va, uint64_t size, unsigned rights,
		       uint64_t backing)
{
	if (app->nr_regions == MOE_MAX_REGIONS)
		return -L4_ENOMEM;
	app->regions[app->nr_regions++] =
		(struct moe_region){ .va = va, .size = size, .backing = backing, .rights = rights };
	return 0;
}

static long map_cap(struct moe_app *app, l4_cap_idx_t src, unsigned rights, l4_cap_idx_t dst)
{
	return l4_error(l4_task_map(app->task, L4_BASE_TASK_CAP, l4_obj_fpage(src, 0, rights),
				    l4_map_obj_control(dst, 0)));
}

/* Map every page of every region; pages covered twice get both rights. */
static long map_regions(struct moe_app *app)
{
	for (unsigned i = 0; i < app->nr_regions; i++) {
		const struct moe_region *r = &app->regions[i];

		for (uint64_t off = 0; off < r->size; off += L4_PAGESIZE) {
			unsigned rights = r->rights;
			long err;

			for (unsigned j = 0; j < app->nr_regions; j++) {
				const struct moe_region *o = &app->regions[j];

				if (r->va + off >= o->va && r->va + off - o->va < o->size)
					rights |= o->rights;
			}
			err = l4_error(l4_task_map(
				app->task, L4_BASE_TASK_CAP,
				l4_fpage(r->backing + off, L4_PAGESHIFT, (unsigned char)rights),
				l4_map_control(r->va + off, 0, 0)));
			if (err < 0)
				return err;
		}
	}
	return 0;
}

/* Builds argc/argv/envp/auxv at the top of the stack; returns the child sp. */
static uint64_t build_stack(unsigned char *stack, int argc, char *const argv[])
{
	uint64_t base = MOE_CHILD_STACK_TOP - MOE_CHILD_STACK_SIZE;
	uint64_t strings = MOE_CHILD_STACK_SIZE, words, *w;
	uint64_t child_argv[16] = { 0 };
	int i;

	if (argc > 15)
		argc = 15;
	for (i = argc - 1; i >= 0; i--) {
		size_t n = strlen(argv[i]) + 1;

		strings -= n;
		memcpy(stack + strings, argv[i], n);
		child_argv[i] = base + strings;
	}
	/* argc, argv[argc], NULL, envp NULL, auxv AT_NULL pair; 16-aligned. */
	words = (uint64_t)argc + 5;
	strings = (strings - words * 8) & ~15UL;
	w = (uint64_t *)(stack + strings);
	w[0] = (uint64_t)argc;
	for (i = 0; i < argc; i++)
		w[1 + i] = child_argv[i];
	w[1 + argc] = 0;
	w[2 + argc] = 0;
	w[3 + argc] = 0;
	w[4 + argc] = 0;
	return base + strings;
}

static long create_objects(struct moe_app *app, unsigned idx)
{
	l4_umword_t label = (l4_umword_t)(idx + 1) << 4;
	long err;

	err = l4_error(
		l4_factory_create_task(L4_BASE_FACTORY_CAP, app->task,
				       l4_fpage(MOE_CHILD_UTCB_AREA, L4_PAGESHIFT, L4_FPAGE_RW)));
	if (err < 0)
		return err;
	err = l4_error(l4_factory_create_thread(L4_BASE_FACTORY_CAP, app->thread));
	if (err < 0)
		return err;
	return l4_error(
		l4_factory_create_gate(L4_BASE_FACTORY_CAP, app->gate, L4_BASE_THREAD_CAP, label));
}

static long give_caps(struct moe_app *app)
{
	long err;

	err = map_cap(app, app->task, L4_CAP_FPAGE_RWSD, L4_BASE_TASK_CAP);
	if (!err)
		err = map_cap(app, app->thread, L4_CAP_FPAGE_RWSD, L4_BASE_THREAD_CAP);
	if (!err)
		err = map_cap(app, app->gate, L4_CAP_FPAGE_RW, L4_BASE_PAGER_CAP);
	if (!err)
		err = map_cap(app, app->gate, L4_CAP_FPAGE_RW, L4_BASE_LOG_CAP);
	return err;
}

static long start_thread(struct moe_app *app, uint64_t sp)
{
	l4_sched_param_t sp_param = l4_sched_param(MOE_CHILD_PRIO, 0);
	long err;

	l4_thread_control_start();
	l4_thread_control_pager(L4_BASE_PAGER_CAP);
	l4_thread_control_exc_handler(L4_BASE_PAGER_CAP);
	l4_thread_control_bind((l4_utcb_t *)MOE_CHILD_UTCB_AREA, app->task);
	err = l4_error(l4_thread_control_commit(app->thread));
	if (err < 0)
		return err;
	err = l4_error(l4_thread_ex_regs(app->thread, app->entry, sp, 0));
	if (err < 0)
		return err;
	return l4_error(l4_scheduler_run_thread(L4_BASE_SCHEDULER_CAP, app->thread, &sp_param));
}

static const char *basename_of(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

int moe_app_start(const char *path, int argc, char *const argv[])
{
	const struct bootinfo_module *mod = moe_rom_find(path);
	struct moe_app *app = NULL;
	unsigned char *stack;
	unsigned idx;
	long err;

	if (!mod)
		return -L4_ENOENT;
	for (idx = 0; idx < MOE_MAX_APPS && !app; idx++) {
		if (!apps[idx].used)
			app = &apps[idx];
	}
	if (!app)
		return -L4_ENOMEM;
	idx = (unsigned)(app - apps);
	memset(app, 0, sizeof(*app));
	app->used = true;
	strlcpy(app->name, basename_of(path), sizeof(app->name));
	app->task = (l4_cap_idx_t)(MOE_APP_CAP_BASE + 3 * idx) << L4_CAP_SHIFT;
	app->thread = app->task + L4_CAP_OFFSET;
	app->gate = app->thread + L4_CAP_OFFSET;

	err = moe_elf_load(app, (const void *)mod->start, mod->size);
	if (err < 0)
		goto fail;
	stack = moe_alloc_pages(MOE_CHILD_STACK_SIZE);
	err = -L4_ENOMEM;
	if (!stack)
		goto fail;
	err = moe_app_add_region(app, MOE_CHILD_STACK_TOP - MOE_CHILD_STACK_SIZE,
				 MOE_CHILD_STACK_SIZE, L4_FPAGE_RW, (uint64_t)stack);
	if (err < 0)
		goto fail;
	err = create_objects(app, idx);
	if (!err)
		err = give_caps(app);
	if (!err)
		err = map_regions(app);
	if (!err)
		err = start_thread(app, build_stack(stack, argc, argv));
	if (err < 0)
		goto fail;
	return 0;

fail:
	/* Memory stays with moe (no free in this issue); the slot is reusable. */
	app->used = false;
	return (int)err;
}
