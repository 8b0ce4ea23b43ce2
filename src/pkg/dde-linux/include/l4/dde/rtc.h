/* SPDX-License-Identifier: MIT */
/*
 * The RTC protocol of dde-linux driver servers (a Linux RTC-class driver,
 * e.g. pl031, served over an IPC gate; virtio 1.1 has no RTC device type,
 * so this is our own small protocol).  docs/drivers.md has the table.
 *
 * Request: tag label L4DDE_PROTO_RTC, mr0 = opcode, arguments after it.
 * Reply: tag label = 0 or a negative L4_E* code, results from mr0.
 *   GET_TIME 0: reply words 1: mr0 = seconds since 1970-01-01 UTC
 *   SET_TIME 1: mr1 = seconds; needs the W right on the gate (-L4_EPERM)
 *   INFO     2: reply words 2: mr0 = alarm interrupts seen, mr1 = flags
 *               (bit 0: alarms supported: Linux RTC_FEATURE_ALARM, which
 *               pl031 clears when it has no interrupt line)
 * Errors: -L4_EBADPROTO wrong label, -L4_ENOSYS unknown opcode,
 * -L4_EINVAL too few words, -L4_ERANGE a time the RTC cannot hold,
 * -L4_EIO the driver failed (its message is in the server's log).
 */
#ifndef L4_DDE_RTC_H
#define L4_DDE_RTC_H

#include <l4/sys/ipc.h>
#include <l4/sys/utcb.h>

#define L4DDE_PROTO_RTC 0x4110L

enum l4dde_rtc_op {
	L4DDE_RTC_GET_TIME = 0,
	L4DDE_RTC_SET_TIME = 1,
	L4DDE_RTC_INFO = 2,
};

#define L4DDE_RTC_INFO_ALARM 1UL

L4_INLINE long l4dde_rtc_get_time(l4_cap_idx_t rtc, long long *seconds)
{
	l4_msg_regs_t *mr = l4_utcb_mr();
	l4_msgtag_t tag;

	mr->mr[0] = L4DDE_RTC_GET_TIME;
	tag = l4_ipc_call(rtc, l4_utcb(), l4_msgtag(L4DDE_PROTO_RTC, 1, 0, 0), L4_IPC_NEVER);
	if (l4_msgtag_has_error(tag))
		return l4_error(tag);
	if (l4_msgtag_label(tag) < 0)
		return l4_msgtag_label(tag);
	*seconds = (long long)mr->mr[0];
	return 0;
}

L4_INLINE long l4dde_rtc_set_time(l4_cap_idx_t rtc, long long seconds)
{
	l4_msg_regs_t *mr = l4_utcb_mr();
	l4_msgtag_t tag;

	mr->mr[0] = L4DDE_RTC_SET_TIME;
	mr->mr[1] = (l4_umword_t)seconds;
	tag = l4_ipc_call(rtc, l4_utcb(), l4_msgtag(L4DDE_PROTO_RTC, 2, 0, 0), L4_IPC_NEVER);
	return l4_error(tag);
}

L4_INLINE long l4dde_rtc_info(l4_cap_idx_t rtc, unsigned long *alarm_irqs, unsigned long *flags)
{
	l4_msg_regs_t *mr = l4_utcb_mr();
	l4_msgtag_t tag;

	mr->mr[0] = L4DDE_RTC_INFO;
	tag = l4_ipc_call(rtc, l4_utcb(), l4_msgtag(L4DDE_PROTO_RTC, 1, 0, 0), L4_IPC_NEVER);
	if (l4_msgtag_has_error(tag))
		return l4_error(tag);
	if (l4_msgtag_label(tag) < 0)
		return l4_msgtag_label(tag);
	*alarm_irqs = mr->mr[0];
	*flags = mr->mr[1];
	return 0;
}

#endif
