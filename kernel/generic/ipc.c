// SPDX-License-Identifier: MIT
/*
 * The IPC path.  A thread that blocks sleeps on its own kernel stack; whoever
 * ends the wait (a partner, the timeout, a deletion) writes the result into
 * the sleeper's saved registers and UTCB before waking it, so a woken thread
 * only returns to user mode.  The one exception is a sender whose receive
 * phase is an open wait: it continues with that phase when it runs again.
 *
 * A call is atomic: when the send phase completes, the caller is already in
 * its receive phase, waiting for the reply from exactly that partner.
 */
#include <gate.h>
#include <ipc.h>
#include <irq.h>
#include <kobj_invoke.h>
#include <l4/sys/__l4_fpage.h>
#include <l4/sys/consts.h>
#include <l4/sys/ipc.h>
#include <l4/sys/types.h>
#include <l4/sys/utcb.h>
#include <printk.h>
#include <sched.h>
#include <space.h>
#include <task.h>
#include <thread.h>
#include <timeout.h>
#include <arch/irqchip.h>

#define TAG(label, words, items) (((unsigned long)(label) << 16) | ((items) << 6) | (words))

unsigned long *utcb_mr(struct thread *t)
{
	return (unsigned long *)t->utcb;
}

unsigned long *utcb_br(struct thread *t)
{
	return (unsigned long *)((char *)t->utcb + L4_UTCB_BUF_REGS_OFFSET) + 1;
}

unsigned long *utcb_tcr(struct thread *t)
{
	return (unsigned long *)((char *)t->utcb + L4_UTCB_THREAD_REGS_OFFSET);
}

static void set_ok(struct thread *t, unsigned long tag, unsigned long label)
{
	t->tf->x[0] = tag;
	t->tf->x[1] = label;
}

static void set_err(struct thread *t, unsigned int code)
{
	utcb_tcr(t)[0] = code;
	t->tf->x[0] = L4_MSGTAG_ERROR;
}

/* Take t out of every wait it is in. */
static void unblock(struct thread *t)
{
	if (list_linked(&t->send_node))
		list_del(&t->send_node);
	if (list_linked(&t->reply_node))
		list_del(&t->reply_node);
	timeout_cancel(t);
	if (t->partner && t->partner->caller == t)
		t->partner->caller = NULL;
	t->partner = NULL;
	t->rcv_irq = NULL;
}

/* A kernel-initiated IPC of t failed: t cannot go on. */
static void kwait_failed(struct thread *t, unsigned int code)
{
	printk("l4rec: thread %p: %s at 0x%lx pc 0x%lx not handled (IPC error 0x%x); halted\n",
	       (void *)t, t->kwait == KW_PAGEFAULT ? "page fault" : "exception", t->fault_addr,
	       t->tf->pc, code);
	t->kwait = KW_NONE;
	t->state = TS_INACTIVE;
	t->has_pc = false;
}

/* End t's wait with an IPC error. */
static void fail(struct thread *t, unsigned int code)
{
	unblock(t);
	if (t->kwait != KW_NONE) {
		kwait_failed(t, code);
		return;
	}
	set_err(t, code);
	sched_wakeup(t);
}

/* Copy snd's message into rcv; 0 or a send-phase error code.  Kept lean: it is on every IPC. */
static inline unsigned int copy_msg(struct thread *snd, struct thread *rcv, unsigned long tag,
				    unsigned long *rtag)
{
	unsigned int words = tag & 63, items = (tag >> 6) & 63, i, err;
	const unsigned long *smr = utcb_mr(snd);
	unsigned long *rmr = utcb_mr(rcv);

	if (unlikely(words + 2 * items > L4_UTCB_GENERIC_DATA_SIZE))
		return L4_IPC_SEMSGCUT;
	if (unlikely(items)) {
		err = ipc_transfer_items(snd, rcv, smr, rmr, words, items);
		if (err)
			return err;
	}
	for (i = 0; i < words; i++)
		rmr[i] = smr[i];
	*rtag = (tag & ~0xffffUL) | ((unsigned long)items << 6) | words;
	return 0;
}

/* --- kernel messages (page faults, exceptions) --------------------------- */

static unsigned long compose_kmsg(struct thread *t, unsigned long *mr)
{
	l4_exc_regs_t *e = (l4_exc_regs_t *)mr;
	unsigned int i;

	if (t->kwait == KW_PAGEFAULT) {
		mr[0] = t->fault_addr;
		mr[1] = t->tf->pc;
		return TAG(L4_PROTO_PAGE_FAULT, 2, 0);
	}
	e->eret_work = 0;
	for (i = 0; i < 31; i++)
		e->r[i] = t->tf->x[i];
	e->reserved = 0;
	e->err = t->fault_esr;
	e->pfa = t->fault_far;
	e->sp = t->tf->sp;
	e->pc = t->tf->pc;
	e->pstate = t->tf->pstate;
	e->tpidruro = t->utcb_uaddr;
	e->tpidrurw = t->tpidr_el0;
	return TAG(L4_PROTO_EXCEPTION, L4_UTCB_EXCEPTION_REGS_SIZE, 0);
}

/* The reply r sends (tag) to t, which waits for it on its own behalf. */
static unsigned int kwait_reply(struct thread *r, unsigned long tag, struct thread *t)
{
	unsigned int words = tag & 63, items = (tag >> 6) & 63, err = 0, i;
	long label = (long)tag >> 16;
	const unsigned long *mr = utcb_mr(r);

	if (words + 2 * items > L4_UTCB_GENERIC_DATA_SIZE)
		return L4_IPC_SEMSGCUT;
	if (t->kwait == KW_PAGEFAULT) {
		unsigned long *br = utcb_br(t), saved[2] = { br[0], br[1] };

		/* The receive window of a page fault is the faulter's whole space. */
		br[0] = L4_ITEM_MAP;
		br[1] = (unsigned long)L4_WHOLE_ADDRESS_SPACE << 6;
		err = ipc_transfer_items(r, t, mr, NULL, words, items);
		br[0] = saved[0];
		br[1] = saved[1];
		t->kwait_exception = label == L4_PROTO_PF_EXCEPTION || label < 0;
	} else if (words >= L4_UTCB_EXCEPTION_REGS_SIZE) {
		const l4_exc_regs_t *e = (const l4_exc_regs_t *)mr;

		for (i = 0; i < 31; i++)
			t->tf->x[i] = e->r[i];
		t->tf->sp = e->sp;
		t->tf->pc = e->pc;
		t->tf->pstate = (t->tf->pstate & ~0xf0000000UL) | (e->pstate & 0xf0000000UL);
		t->tpidr_el0 = e->tpidrurw;
	}
	t->kwait = KW_NONE;
	return err;
}

/* --- send and receive ---------------------------------------------------- */

static bool waits_for(const struct thread *rcv, const struct thread *snd)
{
	return rcv->state == TS_RECV_WAIT && (rcv->open_wait || rcv->partner == snd);
}

static void senders_enqueue(struct thread *rcv, struct thread *s)
{
	struct list *pos;

	for (pos = rcv->senders.next; pos != &rcv->senders; pos = pos->next) {
		if (container_of(pos, struct thread, send_node)->prio < s->prio)
			break;
	}
	list_add_tail(pos, &s->send_node);
}

/* Arm t's timeout for the wait it enters; returns false for a zero timeout (do not wait). */
static bool arm_timeout(struct thread *t, unsigned int l4to)
{
	uint64_t deadline;

	if (likely(!l4to))
		return true; /* never */
	switch (timeout_decode(l4to, utcb_br(t), &deadline)) {
	case TIMEOUT_ZERO:
		return false;
	case TIMEOUT_AT:
		timeout_set(t, deadline);
		return true;
	default:
		return true;
	}
}

static bool timeout_is_zero(struct thread *t, unsigned int l4to)
{
	uint64_t deadline;

	return timeout_decode(l4to, utcb_br(t), &deadline) == TIMEOUT_ZERO;
}

/* t's call reached `from`: t now waits for exactly from's reply (from's reply capability). */
static void await_reply(struct thread *t, struct thread *from)
{
	t->state = TS_RECV_WAIT;
	t->open_wait = false;
	t->partner = from;
	from->caller = t;
	list_add_tail(&from->reply_waiters, &t->reply_node);
}

/* t cannot deliver to partner yet: it waits in partner's sender queue. */
static void queue_sender(struct thread *t, struct thread *partner, unsigned long label,
			 bool recv_after_send, bool open_wait)
{
	t->state = TS_SEND_WAIT;
	t->partner = partner;
	t->snd_label = label;
	t->recv_after_send = recv_after_send;
	t->open_wait = open_wait;
	senders_enqueue(partner, t);
}

/* s's send phase to r is complete: move s on to its receive phase, or wake it. */
static void after_send(struct thread *s, struct thread *r)
{
	s->partner = NULL;
	if (s->recv_after_send && !s->open_wait) {
		await_reply(s, r);
		if (s->kwait == KW_NONE)
			arm_timeout(s, s->tf->x[3] & 0xffff);
		return;
	}
	s->tf->x[0] = 0;
	sched_wakeup(s);
}

/* r (running) takes the message of the blocked sender s. */
static void pickup(struct thread *r, struct thread *s)
{
	unsigned long tag = 0;
	unsigned int err = 0;

	list_del(&s->send_node);
	timeout_cancel(s);
	if (s->kwait != KW_NONE)
		tag = compose_kmsg(s, utcb_mr(r));
	else
		err = copy_msg(s, r, s->tf->x[0], &tag);
	if (err) {
		s->partner = NULL;
		fail(s, err);
		set_err(r, err | 1);
		return;
	}
	set_ok(r, tag, s->snd_label);
	after_send(s, r);
}

/*
 * Send phase of cur to partner.  Returns true when the caller should go on
 * with its receive phase (open wait), false when the operation is finished
 * (successfully, with an error, or because a call's reply has arrived).
 */
static bool send_phase(struct thread *cur, struct thread *partner, unsigned long tag,
		       unsigned long label, unsigned int flags, unsigned int to_snd,
		       struct thread **handoff)
{
	bool call = (flags & L4_SYSF_RECV) && !(flags & L4_SYSF_OPEN_WAIT);

	if (partner->state == TS_DEAD) {
		set_err(cur, L4_IPC_ENOT_EXISTENT);
		return false;
	}
	if (waits_for(partner, cur)) {
		unsigned long rtag = 0;
		unsigned int err;

		if (partner->kwait != KW_NONE) {
			unblock(partner);
			err = kwait_reply(cur, tag, partner);
			if (err)
				kwait_failed(partner, err | 1);
			else
				sched_wakeup(partner);
		} else {
			err = copy_msg(cur, partner, tag, &rtag);
			if (err) {
				fail(partner, err | 1);
			} else {
				unblock(partner);
				set_ok(partner, rtag, label);
				partner->state = TS_READY;
			}
		}
		if (flags & L4_SYSF_REPLY)
			cur->caller = NULL;
		if (err) {
			set_err(cur, err);
			return false;
		}
		if (call) {
			/* Wait for the reply and hand the CPU straight to the callee. */
			await_reply(cur, partner);
			if (!arm_timeout(cur, cur->tf->x[3] & 0xffff)) {
				/* Zero receive timeout: the reply cannot be there yet. */
				unblock(cur);
				cur->state = TS_READY;
				set_err(cur, L4_IPC_RETIMEOUT);
				sched_wakeup(partner);
				return false;
			}
			sched_switch_to(partner);
			return false;
		}
		cur->tf->x[0] = 0;
		if ((flags & L4_SYSF_RECV) && !list_linked(&partner->rq_node)) {
			/* Woken but not queued: the receive phase runs or queues it. */
			*handoff = partner;
			return true;
		}
		sched_wakeup(partner);
		return flags & L4_SYSF_RECV;
	}
	/* The partner is not ready: a reply never waits. */
	if ((flags & L4_SYSF_REPLY) || timeout_is_zero(cur, to_snd)) {
		if (flags & L4_SYSF_REPLY)
			cur->caller = NULL;
		set_err(cur, L4_IPC_SETIMEOUT);
		return false;
	}
	queue_sender(cur, partner, label, flags & L4_SYSF_RECV, flags & L4_SYSF_OPEN_WAIT);
	arm_timeout(cur, to_snd);
	sched_block();
	/* Woken: a call is complete; an error ends everything; else the open wait follows. */
	return !call && !(cur->tf->x[0] & L4_MSGTAG_ERROR) && (flags & L4_SYSF_RECV);
}

static struct thread *find_sender(struct thread *r, struct thread *only)
{
	struct list *pos;

	for (pos = r->senders.next; pos != &r->senders; pos = pos->next) {
		struct thread *s = container_of(pos, struct thread, send_node);

		if (!only || s == only)
			return s;
	}
	return NULL;
}

/* Take a pending IRQ or sender if there is one; false if cur must wait. */
static bool receive_pending(struct thread *cur, bool open, struct thread *src, struct irq *isrc)
{
	struct irq *irq = (open || isrc) ? irq_take_pending(cur, isrc) : NULL;
	struct thread *s;

	if (irq) {
		set_ok(cur, TAG(L4_PROTO_IRQ, 0, 0), irq->label);
		return true;
	}
	s = (open || src) ? find_sender(cur, open ? NULL : src) : NULL;
	if (!s)
		return false;
	pickup(cur, s);
	return true;
}

/*
 * The receive phase.  handoff, if set, is a thread this IPC has just woken
 * without queueing it (the partner of a reply): when cur blocks, the CPU goes
 * straight to it; otherwise it is queued like any woken thread.
 */
static void receive_phase(struct thread *cur, bool open, struct thread *src, struct irq *isrc,
			  bool nothing, unsigned int to_rcv, struct thread *handoff)
{
	if (receive_pending(cur, open, src, isrc)) {
		if (handoff)
			sched_wakeup(handoff);
		return;
	}
	cur->state = TS_RECV_WAIT;
	cur->open_wait = open;
	cur->partner = src;
	cur->rcv_irq = isrc;
	if (!arm_timeout(cur, to_rcv)) {
		cur->state = TS_READY;
		cur->partner = NULL;
		cur->rcv_irq = NULL;
		if (handoff)
			sched_wakeup(handoff);
		if (nothing)
			schedule_yield();
		set_err(cur, L4_IPC_RETIMEOUT);
		return;
	}
	if (handoff)
		sched_handoff(handoff);
	else
		sched_block();
}

static struct mapnode *lookup_cap(struct thread *t, unsigned long sel)
{
	if (sel & L4_INVALID_CAP_BIT)
		return NULL;
	return captable_lookup(&t->task->caps, sel >> L4_CAP_SHIFT);
}

/* The thread an IPC through node goes to, and the label it receives. */
static struct thread *ipc_target(struct mapnode *node, unsigned long slabel, unsigned long *label)
{
	struct kobject *o = node->obj;

	if (o->type == KOBJ_THREAD) {
		*label = slabel;
		return to_thread(o);
	}
	if (o->type == KOBJ_GATE) {
		struct gate *g = to_gate(o);

		*label = g->label | (node->rights & (L4_CAP_FPAGE_W | L4_CAP_FPAGE_S));
		return g->thread;
	}
	return NULL;
}

static void receive_from_sel(struct thread *cur, unsigned long sel, unsigned int to_rcv)
{
	struct mapnode *n = lookup_cap(cur, sel);
	struct kobject *o = n ? n->obj : NULL;

	if (o && o->type == KOBJ_THREAD)
		receive_phase(cur, false, to_thread(o), NULL, false, to_rcv, NULL);
	else if (o && o->type == KOBJ_IRQ)
		receive_phase(cur, false, NULL, to_irq(o), false, to_rcv, NULL);
	else
		receive_phase(cur, false, NULL, NULL, true, to_rcv, NULL);
}

void sys_invoke(struct trap_frame *tf)
{
	struct thread *cur = current;
	unsigned long tag = tf->x[0], sel = tf->x[2], label = 0;
	unsigned int flags = sel & 0xf;
	unsigned int to_snd = (tf->x[3] >> 16) & 0xffff, to_rcv = tf->x[3] & 0xffff;
	struct thread *partner, *handoff = NULL;

	if (flags & L4_SYSF_SEND) {
		if (flags & L4_SYSF_REPLY) {
			partner = cur->caller;
			label = tf->x[1];
		} else {
			struct mapnode *n = lookup_cap(cur, sel);

			if (!n) {
				set_err(cur, L4_IPC_ENOT_EXISTENT);
				return;
			}
			if (kobj_is_operation(n->obj, tag)) {
				kobj_operation(cur, n, tag, flags, to_rcv);
				return;
			}
			partner = ipc_target(n, tf->x[1], &label);
		}
		if (!partner) {
			set_err(cur, L4_IPC_ENOT_EXISTENT);
			return;
		}
		if (!send_phase(cur, partner, tag, label, flags, to_snd, &handoff))
			return;
		receive_phase(cur, true, NULL, NULL, false, to_rcv, handoff);
		return;
	}
	if (!(flags & L4_SYSF_RECV)) {
		set_err(cur, L4_IPC_ENOT_EXISTENT);
		return;
	}
	if (flags & L4_SYSF_OPEN_WAIT)
		receive_phase(cur, true, NULL, NULL, false, to_rcv, NULL);
	else
		receive_from_sel(cur, sel, to_rcv);
}

void ipc_after_operation(struct thread *cur, long result, unsigned int words, unsigned int flags,
			 unsigned int to_rcv, struct irq *then_from)
{
	if (cur->state == TS_DEAD)
		return;
	if (then_from) {
		receive_phase(cur, flags & L4_SYSF_OPEN_WAIT, NULL,
			      (flags & L4_SYSF_OPEN_WAIT) ? NULL : then_from, false, to_rcv, NULL);
		return;
	}
	if ((flags & L4_SYSF_RECV) && (flags & L4_SYSF_OPEN_WAIT)) {
		receive_phase(cur, true, NULL, NULL, false, to_rcv, NULL);
		return;
	}
	set_ok(cur, (flags & L4_SYSF_RECV) ? TAG(result, words, 0) : 0, 0);
}

void ipc_kernel_call(struct thread *t, uint64_t cap)
{
	struct mapnode *n = captable_lookup(&t->task->caps, cap >> L4_CAP_SHIFT);
	unsigned long label = 0;
	struct thread *partner = n ? ipc_target(n, 0, &label) : NULL;

	if (!partner || partner->state == TS_DEAD) {
		kwait_failed(t, L4_IPC_ENOT_EXISTENT);
		sched_block();
		return;
	}
	if (waits_for(partner, t) && partner->kwait == KW_NONE) {
		unblock(partner);
		set_ok(partner, compose_kmsg(t, utcb_mr(partner)), label);
		partner->state = TS_READY;
		await_reply(t, partner);
		sched_switch_to(partner);
		return;
	}
	queue_sender(t, partner, label, true, false);
	sched_block();
}

bool ipc_deliver_irq(struct thread *t, struct irq *irq)
{
	if (t->state != TS_RECV_WAIT || t->kwait != KW_NONE || !(t->open_wait || t->rcv_irq == irq))
		return false;
	unblock(t);
	set_ok(t, TAG(L4_PROTO_IRQ, 0, 0), irq->label);
	sched_wakeup(t);
	return true;
}

void ipc_timeout(struct thread *t)
{
	if (t->state == TS_SEND_WAIT)
		fail(t, L4_IPC_SETIMEOUT);
	else if (t->state == TS_RECV_WAIT)
		fail(t, L4_IPC_RETIMEOUT);
}

void ipc_cancel(struct thread *t)
{
	if (t->state == TS_SEND_WAIT)
		fail(t, L4_IPC_SECANCELED);
	else if (t->state == TS_RECV_WAIT)
		fail(t, L4_IPC_RECANCELED);
}

void ipc_abort(struct thread *t)
{
	struct list *pos, *tmp;

	if (t->state == TS_SEND_WAIT || t->state == TS_RECV_WAIT)
		unblock(t);
	list_for_each_safe(pos, tmp, &t->senders)
		fail(container_of(pos, struct thread, send_node), L4_IPC_SEABORTED);
	list_for_each_safe(pos, tmp, &t->reply_waiters)
		fail(container_of(pos, struct thread, reply_node), L4_IPC_REABORTED);
	t->caller = NULL;
	irq_drop_pending(t);
}
