// SPDX-License-Identifier: MIT
/*
 * The two tasks the kernel starts itself: sigma0 (its faults resolved 1:1 by
 * the kernel) and the root task (paged by sigma0 through an IPC gate).  The
 * kernel's singleton objects (log, ICU, scheduler, debugger) live here too.
 */
#include <arch/mmu.h>
#include <boot_tasks.h>
#include <bootinfo.h>
#include <factory.h>
#include <gate.h>
#include <kip.h>
#include <l4/sys/kip.h>
#include <space.h>
#include <l4/sys/__l4_fpage.h>
#include <l4/sys/consts.h>
#include <panic.h>
#include <sched.h>
#include <task.h>
#include <thread.h>

#define BOOT_PRIO 255
#define ROOT_PAGER_LABEL (4UL << 4)

static struct kobject vlog_obj = { .type = KOBJ_VLOG, .pinned = true, .refs = 1 };
static struct kobject icu_obj = { .type = KOBJ_ICU, .pinned = true, .refs = 1 };
static struct kobject sched_obj = { .type = KOBJ_SCHEDULER, .pinned = true, .refs = 1 };
static struct kobject debugger_obj = { .type = KOBJ_DEBUGGER, .pinned = true, .refs = 1 };

static void install(struct task *t, unsigned long sel, struct kobject *o)
{
	kobj_get(o);
	if (task_cap_install(t, sel >> L4_CAP_SHIFT, o, L4_CAP_FPAGE_RWSD))
		panic("no memory for the initial capabilities");
}

static struct thread *boot_task(const struct bootinfo_module *m, bool sigma0)
{
	struct task *t = task_create(NULL, L4REC_BOOT_UTCB_ADDR, PAGE_SHIFT);
	struct thread *th = thread_create(NULL);

	if (!t || !th || thread_bind(th, t, L4REC_BOOT_UTCB_ADDR))
		panic("cannot create the boot task %s", m->name);
	t->is_sigma0 = sigma0;
	/* sigma0 owns the KIP page like any other, so that it can map it on request. */
	if (sigma0 && space_root_page(t, L4REC_KIP_ADDR, kip_phys, L4_FPAGE_RX))
		panic("cannot give sigma0 the KIP");
	install(t, L4_BASE_TASK_CAP, &t->obj);
	install(t, L4_BASE_FACTORY_CAP, &root_factory.obj);
	install(t, L4_BASE_THREAD_CAP, &th->obj);
	install(t, L4_BASE_LOG_CAP, &vlog_obj);
	install(t, L4_BASE_ICU_CAP, &icu_obj);
	install(t, L4_BASE_SCHEDULER_CAP, &sched_obj);
	install(t, L4_BASE_DEBUGGER_CAP, &debugger_obj);
	th->tf->pc = m->entry;
	th->has_pc = true;
	th->scheduled = true;
	th->prio = BOOT_PRIO;
	return th;
}

void boot_tasks_create(const struct bootinfo *bi)
{
	struct thread *s0, *root;
	struct gate *pager;

	if (bi->nr_modules < 2)
		panic("bootinfo lists no sigma0 and root task");
	s0 = boot_task(&bi->modules[BOOTINFO_MOD_SIGMA0], true);
	root = boot_task(&bi->modules[BOOTINFO_MOD_ROOTTASK], false);
	pager = gate_create(NULL, s0, ROOT_PAGER_LABEL);
	if (!pager || task_cap_install(root->task, L4_BASE_PAGER_CAP >> L4_CAP_SHIFT, &pager->obj,
				       L4_CAP_FPAGE_RWSD))
		panic("cannot create the root task's pager gate");
	root->pager = L4_BASE_PAGER_CAP;
	/* sigma0 first: the root task's first fault needs it waiting. */
	sched_wakeup(s0);
	sched_wakeup(root);
}
