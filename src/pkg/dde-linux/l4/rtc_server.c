// SPDX-License-Identifier: MIT
/*
 * The RTC class of the server: the protocol of <l4/dde/rtc.h> over the
 * RTC the Linux driver registered (dde_linux_rtc_*() in the Linux half).
 */
#include <l4/sys/__l4_fpage.h>
#include <l4/sys/err.h>
#include <l4/sys/utcb.h>

#include <dde/server.h>
#include <l4/dde/rtc.h>

static int rtc_ready(void)
{
	long long s;

	return dde_linux_rtc_read(&s);
}

static l4_msgtag_t rtc_dispatch(l4_msgtag_t tag, l4_umword_t label)
{
	l4_msg_regs_t *mr = l4_utcb_mr();
	long long s = 0;
	int err;

	if (l4_msgtag_label(tag) != L4DDE_PROTO_RTC)
		return l4_msgtag(-L4_EBADPROTO, 0, 0, 0);
	if (l4_msgtag_words(tag) < 1)
		return l4_msgtag(-L4_EINVAL, 0, 0, 0);
	switch (mr->mr[0]) {
	case L4DDE_RTC_GET_TIME:
		err = dde_linux_rtc_read(&s);
		if (err < 0)
			return l4_msgtag(err, 0, 0, 0);
		mr->mr[0] = (l4_umword_t)s;
		return l4_msgtag(0, 1, 0, 0);
	case L4DDE_RTC_SET_TIME:
		if (l4_msgtag_words(tag) < 2)
			return l4_msgtag(-L4_EINVAL, 0, 0, 0);
		if (!(label & L4_CAP_FPAGE_W))
			return l4_msgtag(-L4_EPERM, 0, 0, 0);
		return l4_msgtag(dde_linux_rtc_set((long long)mr->mr[1]), 0, 0, 0);
	case L4DDE_RTC_INFO:
		mr->mr[0] = dde_linux_rtc_irq_count();
		mr->mr[1] = dde_linux_rtc_features();
		return l4_msgtag(0, 2, 0, 0);
	default:
		return l4_msgtag(-L4_ENOSYS, 0, 0, 0);
	}
}

const struct dde_server_class dde_server_class_rtc = {
	.name = "rtc",
	.ready = rtc_ready,
	.dispatch = rtc_dispatch,
};
