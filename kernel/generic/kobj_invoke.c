// SPDX-License-Identifier: MIT
/*
 * Dispatch of kernel-object operations.  The tag label tells an operation on
 * a thread or gate from ordinary IPC to it; every message to any other
 * kernel object is an operation.
 */
#include <gate.h>
#include <ipc.h>
#include <irq.h>
#include <kobj_invoke.h>
#include <l4/sys/__l4_fpage.h>
#include <l4/sys/consts.h>
#include <l4/sys/err.h>
#include <l4/sys/ipc_gate.h>
#include <l4/sys/irq.h>
#include <l4/sys/rcv_endpoint.h>
#include <l4/sys/types.h>
#include <mapdb.h>
#include <task.h>
#include <thread.h>

static struct mapnode *item_node(struct thread *cur, const unsigned long *mr, unsigned int words,
				 unsigned int k)
{
	unsigned long ctl, fp;

	if (words + 2 * k + 1 >= L4_UTCB_GENERIC_DATA_SIZE)
		return NULL;
	ctl = mr[words + 2 * k];
	fp = mr[words + 2 * k + 1];
	if (!(ctl & L4_ITEM_MAP) || ((fp >> 4) & 3) != L4_FPAGE_OBJ)
		return NULL;
	return captable_lookup(&cur->task->caps, fp >> L4_CAP_SHIFT);
}

struct kobject *item_object(struct thread *cur, const unsigned long *mr, unsigned int words,
			    unsigned int k)
{
	struct mapnode *n = item_node(cur, mr, words, k);

	return n ? n->obj : NULL;
}

/* Bind a gate or Irq to a thread (L4_PROTO_KOBJECT ops on gates and Irqs). */
static long endpoint_op(struct thread *cur, struct mapnode *n, unsigned long tag,
			unsigned int *words)
{
	unsigned long *mr = utcb_mr(cur);
	unsigned int w = tag & 63, items = (tag >> 6) & 63;
	struct kobject *o = n->obj, *t;

	if (w < 1)
		return -L4_EINVAL;
	switch (mr[0]) {
	case L4_RCV_EP_BIND_OP:
		if (w < 2 || items < 1)
			return -L4_EINVAL;
		t = item_object(cur, mr, w, 0);
		if (!t || t->type != KOBJ_THREAD)
			return -L4_EINVAL;
		if (o->type == KOBJ_GATE) {
			if (!(n->rights & L4_CAP_FPAGE_S) && !(n->rights & L4_CAP_FPAGE_W))
				return -L4_EPERM;
			return gate_bind(to_gate(o), to_thread(t), mr[1]);
		}
		return irq_bind(to_irq(o), to_thread(t), mr[1]);
	case L4_IPC_GATE_GET_INFO_OP:
		if (o->type != KOBJ_GATE)
			return -L4_ENOSYS;
		mr[0] = to_gate(o)->label;
		*words = 1;
		return 0;
	default:
		return -L4_ENOSYS;
	}
}

void kobj_operation(struct thread *cur, struct mapnode *n, unsigned long tag, unsigned int flags,
		    unsigned int to_rcv)
{
	struct kobject *o = n->obj;
	long label = (long)tag >> 16, r = -L4_EBADPROTO;
	unsigned int words = 0;
	struct irq *then_from = NULL;

	/*
	 * Keep o while its operation runs: unmapping or mapping capabilities
	 * may drop the last other reference to it (a task revoking its own
	 * capability to itself), and it must not be freed under our feet.
	 */
	kobj_get(o);
	switch (o->type) {
	case KOBJ_TASK:
		if (label == L4_PROTO_TASK)
			r = task_invoke(cur, n, tag, &words);
		break;
	case KOBJ_THREAD:
		r = thread_invoke(cur, n, tag, &words);
		break;
	case KOBJ_FACTORY:
		if (label == L4_PROTO_FACTORY)
			r = factory_invoke(cur, n, tag);
		break;
	case KOBJ_GATE:
		r = endpoint_op(cur, n, tag, &words);
		break;
	case KOBJ_IRQ:
		if (label == L4_PROTO_KOBJECT) {
			r = endpoint_op(cur, n, tag, &words);
		} else if (label == L4_PROTO_IRQ_SENDER && (tag & 63) >= 1 &&
			   utcb_mr(cur)[0] == L4_IRQ_SENDER_OP_DETACH) {
			irq_detach(to_irq(o));
			r = 0;
		} else if (label == L4_PROTO_IRQ) {
			struct irq *irq = to_irq(o);

			r = 0;
			if ((tag & 63) == 0 ||
			    ((tag & 63) >= 1 && utcb_mr(cur)[0] == L4_IRQ_OP_TRIGGER)) {
				irq_trigger(irq);
			} else if (utcb_mr(cur)[0] == L4_IRQ_OP_EOI) {
				irq_unmask(irq);
				/* l4_irq_receive / l4_irq_wait: unmask, then receive. */
				if (flags & L4_SYSF_RECV)
					then_from = irq;
			} else {
				r = -L4_ENOSYS;
			}
		}
		break;
	case KOBJ_ICU:
		if (label == L4_PROTO_IRQ)
			r = icu_invoke(cur, tag, &words);
		break;
	case KOBJ_SCHEDULER:
		if (label == L4_PROTO_SCHEDULER)
			r = sched_invoke(cur, tag, &words);
		break;
	case KOBJ_VLOG:
		if (label == L4_PROTO_LOG)
			r = vlog_invoke(cur, tag, &words);
		break;
	case KOBJ_DEBUGGER:
		if (label == L4_PROTO_DEBUGGER)
			r = debugger_invoke(cur, tag);
		break;
	default:
		break;
	}
	ipc_after_operation(cur, r, words, flags, to_rcv, then_from);
	kobj_put(o);
}
